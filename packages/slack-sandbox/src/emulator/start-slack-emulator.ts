import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { changeAssistantContext, openAppHome, startAssistantThread } from "./actions/app-surfaces.js";
import { clickButton, clickHomeButton } from "./actions/block-actions.js";
import { createChannel, createUser, joinChannel, leaveChannel, openDm } from "./actions/directory.js";
import { runSlashCommand } from "./actions/slash-command.js";
import { postUserMessage, uploadUserFile } from "./actions/user-messages.js";
import { resolveConfig, type SlackEmulatorOptions } from "./config.js";
import { AppDelivery } from "./delivery/app-delivery.js";
import { EventPublisher } from "./events/event-publisher.js";
import { FaultPlan } from "./faults.js";
import { emulatorApp } from "./http/emulator-app.js";
import { IdFactory } from "./ids.js";
import { ResponseUrlRegistry } from "./response-urls.js";
import type { SlackEmulator, UrlVerificationResult } from "./slack-emulator.js";
import { transcriptOf } from "./store/transcript.js";
import { WorkspaceStore } from "./store/workspace-store.js";
import { TriggerRegistry } from "./triggers.js";
import { matchesMessage, waitForTranscript } from "./wait-for.js";
import { dispatchApiCall } from "./web-api/dispatcher.js";
import type { Workspace } from "./workspace.js";

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** The app echoed the challenge: as JSON `{ challenge }` or as plain text. */
function echoesChallenge(body: string | undefined, challenge: string): boolean {
  if (!body) return false;
  if (body.trim() === challenge) return true;
  try {
    return (JSON.parse(body) as { challenge?: unknown }).challenge === challenge;
  } catch {
    return false;
  }
}

/** Starts a Slack emulator on 127.0.0.1 (a free port unless `port` is given). */
export async function startSlackEmulator(options: SlackEmulatorOptions): Promise<SlackEmulator> {
  const ids = new IdFactory();
  const config = resolveConfig(options, ids);
  const store = new WorkspaceStore({
    id: options.teamId ?? ids.team(),
    name: options.teamName ?? "Sandbox",
    domain: options.teamDomain ?? "sandbox",
  });
  store.addUser({
    id: config.botUserId,
    name: config.botName,
    realName: config.botName,
    isBot: true,
    isAdmin: false,
    tz: "Etc/UTC",
    tzOffset: 0,
  });
  const delivery = new AppDelivery(store, config);
  const ws: Workspace = {
    store,
    config,
    ids,
    publisher: new EventPublisher(store, config, ids, delivery),
    triggers: new TriggerRegistry(ids, config.triggerTtlMs),
    responseUrls: new ResponseUrlRegistry(ids),
  };
  const faults = new FaultPlan();
  const app = emulatorApp(ws, faults);
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  const port = await listen(server, options.port ?? 0);
  config.baseUrl = `http://127.0.0.1:${port}`;
  const transcript = () => transcriptOf(store, config);

  return {
    baseUrl: config.baseUrl,
    apiUrl: `${config.baseUrl}/api/`,
    teamId: store.team.id,
    appId: config.appId,
    botId: config.botId,
    botUserId: config.botUserId,
    botMention: `<@${config.botUserId}>`,
    app,
    setRequestUrl: (url) => {
      config.requestUrl = url;
    },
    createUser: (input) => createUser(ws, input),
    createChannel: (input) => createChannel(ws, input),
    openDm: (userId) => openDm(ws, userId),
    inviteBot: (channelId, inviteOptions) => joinChannel(ws, channelId, config.botUserId, inviteOptions?.by),
    removeBot: (channelId) => leaveChannel(ws, channelId, config.botUserId),
    joinChannel: (channelId, userId) => joinChannel(ws, channelId, userId),
    postMessage: (input) => postUserMessage(ws, input),
    uploadFile: (input) => uploadUserFile(ws, input),
    runSlashCommand: (input) => runSlashCommand(ws, delivery, input),
    clickButton: (input) => clickButton(ws, delivery, input),
    clickHomeButton: (input) => clickHomeButton(ws, delivery, input),
    openAppHome: (userId) => openAppHome(ws, userId),
    startAssistantThread: (input) => startAssistantThread(ws, input),
    changeAssistantContext: (input) => changeAssistantContext(ws, input),
    verifyRequestUrl: async (): Promise<UrlVerificationResult> => {
      const challenge = ids.secret(32);
      const result = await delivery.verifyUrl(challenge);
      return {
        ok: result.outcome === "acked" && echoesChallenge(result.body, challenge),
        status: result.status,
        body: result.body,
      };
    },
    callApi: (method, args = {}, token = config.botToken) =>
      dispatchApiCall(ws, faults, { method, args, token }),
    rateLimitNext: (method, limit) => faults.rateLimitNext(method, limit),
    failNext: (method, error, failure) => faults.failNext(method, error, failure),
    transcript,
    messages: (filter = {}) => store.allMessages().filter((m) => matchesMessage(m, filter)),
    file: (fileId) => store.files.get(fileId),
    subscribe: (listener) => store.subscribe(listener),
    waitFor: (probe, waitOptions) => waitForTranscript(store, transcript, probe, waitOptions),
    waitForMessage: (filter, waitOptions) =>
      waitForTranscript(
        store,
        transcript,
        (t) => t.messages.find((m) => matchesMessage(m, filter)),
        waitOptions,
      ),
    idle: () => delivery.idle(),
    close: async () => {
      delivery.close();
      await delivery.idle();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
