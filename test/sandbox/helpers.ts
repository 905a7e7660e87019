import type { AddressInfo } from "node:net";
import {
  type SlackEmulator,
  type SlackEmulatorOptions,
  startSlackEmulator,
} from "@mpo/slack-sandbox/emulator";
import { App, type AppOptions, type Logger, LogLevel, webApi } from "@slack/bolt";

export const BOT_TOKEN = "xoxb-test-0000000000-emulator";
export const SIGNING_SECRET = "test-signing-secret-0123456789abcdef";

export function startEmulator(options: Partial<SlackEmulatorOptions> = {}): Promise<SlackEmulator> {
  return startSlackEmulator({ botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, ...options });
}

/** A WebClient pointed at the emulator, failing fast instead of retrying for half an hour. */
export function webClient(emulator: SlackEmulator, token = BOT_TOKEN): webApi.WebClient {
  return new webApi.WebClient(token, {
    slackApiUrl: emulator.apiUrl,
    retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 10 },
    logger: silentLogger(),
  });
}

export function silentLogger(): Logger {
  let level = LogLevel.ERROR;
  return {
    debug: () => {},
    info: () => {},
    warn: () => {},
    error: () => {},
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

export interface RunningApp {
  app: App;
  stop: () => Promise<void>;
}

/**
 * An unmodified Bolt app with its built-in HTTP receiver on a free port, talking to the emulator:
 * only the API URL differs from production.
 */
export async function startBoltApp(
  emulator: SlackEmulator,
  register: (app: App) => void,
  options: Partial<AppOptions> = {},
): Promise<RunningApp> {
  const app = new App({
    token: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    clientOptions: { slackApiUrl: emulator.apiUrl },
    logger: silentLogger(),
    ...options,
  });
  register(app);
  const server = await app.start(0);
  const { port } = server.address() as AddressInfo;
  emulator.setRequestUrl(`http://127.0.0.1:${port}/slack/events`);
  return { app, stop: () => app.stop().then(() => undefined) };
}

/** A person in a channel the bot is in: the usual starting point. */
export function seedChannel(emulator: SlackEmulator, name = "marketing") {
  const user = emulator.createUser({ name: "maria", realName: "Maria Marketer" });
  const channel = emulator.createChannel({ name, members: [user.id], withBot: true });
  return { user, channel };
}
