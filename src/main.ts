import { randomBytes } from "node:crypto";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Sandbox, SlackEmulator } from "@mpo/slack-sandbox";
import { generateInsights } from "./agent/index.js";
import { AlertEngine, slackAlertPoster } from "./alerts/index.js";
import { type Config, describeConfig, loadConfig } from "./config/config.js";
import { createHttpApp } from "./http/index.js";
import { serveHttp } from "./http/serve-http.js";
import {
  ALERT_EVALUATION_LOCK,
  AlertEvaluationRequests,
  withAlertEvaluations,
} from "./jobs/alerts/alert-evaluation-jobs.js";
import type { JobQueue } from "./jobs/job-queue.js";
import { JobWorker } from "./jobs/job-worker.js";
import { openJobQueue } from "./jobs/open-job-queue.js";
import { slackJobHandler } from "./jobs/slack/slack-job-handler.js";
import { createLogger, type Logger } from "./log/logger.js";
import { openSchedules, type ScheduleStore, ScheduleSweeper } from "./schedules/index.js";
import { createSlackApp } from "./slack/create-slack-app.js";
import { ConversationMembership } from "./slack/flows/conversation-membership.js";
import { SlackReaders } from "./slack/flows/slack-readers.js";
import { homeWorkspaceOf } from "./slack/home-workspace.js";
import type { HonoReceiver } from "./slack/hono-receiver.js";
import { installedBotTokens, singleBotToken } from "./slack/installs/bot-tokens.js";
import { installRoutes } from "./slack/installs/install-routes.js";
import { createSlackInstaller } from "./slack/installs/slack-installer.js";
import { workspaceClients } from "./slack/installs/workspace-clients.js";
import { clientLogger, slackClientOptions } from "./slack/slack-client-options.js";
import type { SlackDeps } from "./slack/slack-deps.js";
import { slackEventsRoute } from "./slack/slack-events-route.js";
import { openStore, type Store } from "./store/index.js";
import { openTargets } from "./targets/index.js";

/** The sample exports the sandbox page offers: `samples/` at the root, from `src/` and `dist/` alike. */
const SAMPLES_DIR = fileURLToPath(new URL("../samples/", import.meta.url));
/**
 * On SIGTERM, how long jobs already running may take to finish before the process exits anyway; what is
 * unfinished then is resumed by the next start. Under the 30 s most platforms wait before SIGKILL.
 */
const DRAIN_DEADLINE_MS = 20_000;

export interface RunningApp {
  url: string;
  port: number;
  config: Config;
  store: Store;
  /** Durable work: every Slack event's job, waiting or running. */
  jobs: JobQueue;
  /** The local Slack, when the app runs in the sandbox. */
  emulator: SlackEmulator | null;
  /** Scheduled reports, and a sweep for due ones now (or at a given time, as tests do). */
  schedules: { store: ScheduleStore; sweep(at?: Date): Promise<number> };
  close(): Promise<void>;
}

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
}

/**
 * Wires the app together on one HTTP server: storage, the webhook and REST API, the Slack app (real Slack,
 * or the local sandbox when no Slack credentials are set), and the alert engine fed by live data.
 */
export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  const config = loadConfig(options.env ?? process.env);
  const logger =
    options.logger ??
    createLogger({
      secrets: [
        config.slack.botToken,
        config.slack.signingSecret,
        config.slack.oauth?.clientSecret,
        config.slack.oauth?.stateSecret,
        config.gemini.apiKey,
        config.webhookSecret,
        config.liveReadToken,
      ],
    });
  const store = await openStore(config.databaseUrl);
  const jobs = await openJobQueue(config.databaseUrl, config.databasePath);
  const targets = await openTargets(config.databaseUrl, config.databasePath);
  const schedules = await openSchedules(config.databaseUrl, config.databasePath);
  let worker: JobWorker | null = null;
  // The local Slack is a workspace package, loaded only when it runs: a deployment with credentials never
  // imports it.
  const sandboxPackage = config.sandbox ? await import("@mpo/slack-sandbox") : null;
  const sandbox: Sandbox | null = sandboxPackage ? await sandboxPackage.startSandbox() : null;
  // The sandbox signs its simulated live data; a real deployment must choose its own secret.
  const webhookSecret = config.webhookSecret ?? (sandbox ? randomBytes(16).toString("hex") : undefined);
  // In the sandbox, Slack is the emulator: its host is the one shared files are downloaded from.
  const slackConfig = sandbox ? { ...config.slack, apiUrl: sandbox.emulator.apiUrl } : config.slack;
  // Installed in several workspaces through OAuth, each with its own sealed installation and bot token.
  const installer =
    config.slack.oauth && !sandbox
      ? createSlackInstaller(store, config.slack.oauth, {
          apiUrl: slackConfig.apiUrl,
          logger: clientLogger(logger),
        })
      : null;
  const botToken = sandbox?.botToken ?? config.slack.botToken;
  const deps: SlackDeps = {
    store,
    config: {
      ...config,
      slack: slackConfig,
      alertChannel: config.alertChannel ?? sandbox?.workspace.alerts.id,
    },
    logger,
    botToken,
    botTokens: installer ? installedBotTokens(installer.installations) : singleBotToken(botToken as string),
    alerts: null,
    membership: new ConversationMembership(),
    readers: new SlackReaders(),
    targets,
    schedules,
    jobs: {
      enqueue: async (job, key) => {
        const { created } = await jobs.enqueue({ kind: job.kind, payload: job.payload, key });
        if (created) worker?.nudge();
      },
    },
  };
  // Each push of live data asks for a durable evaluation, which any instance's worker runs.
  const evaluations = new AlertEvaluationRequests({ queue: jobs, logger, onEnqueued: () => worker?.nudge() });
  // The single workspace WEBHOOK_SECRET's rows and the live feed belong to (none with OAuth installs).
  const home = homeWorkspaceOf({ botToken, apiUrl: slackConfig.apiUrl, store, logger });
  const http = createHttpApp({
    homeWorkspace: home,
    store,
    config: { ...config, webhookSecret },
    insights: (summary) => generateInsights(summary, { config }),
    withLiveData: (tx) => evaluations.within(tx),
    withLiveDataNow: (tx) => evaluations.withinNow(tx.tables),
    onLiveData: () => evaluations.request(),
    logger,
    jobs,
  });
  let receiver: HonoReceiver | null = null;
  http.post("/slack/events", ...slackEventsRoute(() => receiver));
  if (installer) {
    const install = installRoutes(installer);
    http.get("/slack/install", install.install);
    http.get("/slack/oauth_redirect", install.callback);
  }
  // Listen before anything talks to Slack: a port in use must end the process at once and cleanly.
  const server = await serveHttp(http, {
    port: config.port,
    hostname: sandbox ? "127.0.0.1" : "0.0.0.0",
  }).catch(async (error: unknown) => {
    await sandbox?.close();
    await jobs.close();
    await targets.close();
    await schedules.close();
    await store.close();
    throw error;
  });
  const slack = createSlackApp(deps, {
    signingSecret: sandbox?.signingSecret ?? (config.slack.signingSecret as string),
    apiUrl: slackConfig.apiUrl,
    appToken: sandbox ? undefined : config.slack.appToken,
    ...(installer ? { authorize: installer.authorize } : {}),
  });
  receiver = slack.receiver;
  // Rows from before workspaces were recorded are adopted now, not at the first delivery.
  await home();
  // Alerts start from live data, not from a Slack request: installed through OAuth, each rule's workspace
  // posts with its own token.
  const alertClients = installer
    ? workspaceClients(deps.botTokens, {
        ...slackClientOptions(slackConfig.apiUrl),
        logger: clientLogger(logger),
      })
    : async () => slack.app.client;
  const engine = new AlertEngine({
    store,
    poster: slackAlertPoster(alertClients, { logger }),
    logger,
    readerOf: async (rule) => deps.readers.readerOf(await alertClients(rule), rule, rule.createdBy, logger),
    exclusively: (work) => jobs.exclusively(ALERT_EVALUATION_LOCK, work),
  });
  deps.alerts = engine;
  const url = sandbox ? `http://localhost:${server.port}` : server.url;
  const closePage =
    sandboxPackage && sandbox
      ? sandboxPackage.mountSandboxPage(
          sandbox,
          http,
          `http://127.0.0.1:${server.port}`,
          webhookSecret as string,
          {
            samplesDir: SAMPLES_DIR,
          },
        )
      : null;
  worker = new JobWorker({
    queue: jobs,
    handle: withAlertEvaluations(slackJobHandler(deps, jobs, slack.app), () => engine.evaluateNow()),
    logger,
  });
  await worker.start();
  // On PostgreSQL, evaluations pushes marked due before a crash are written now, and looked for from now on.
  await evaluations.start();
  // Every instance sweeps: a slot's job key makes it one delivery whichever sweep writes it.
  const sweeper = new ScheduleSweeper({ schedules, queue: jobs, logger, onEnqueued: () => worker?.nudge() });
  sweeper.start();
  await slack.start();
  logger.info(`started: ${describeConfig(config)}`);
  return {
    url,
    port: server.port,
    config,
    store,
    jobs,
    emulator: sandbox?.emulator ?? null,
    schedules: { store: schedules, sweep: (at) => sweeper.sweep(at) },
    // Stop taking requests, then let running jobs finish (up to a deadline), and close the database last:
    // nothing running meets a closed database, and what was accepted but not done waits in the queue.
    close: async () => {
      await sweeper.stop();
      await slack.stop();
      await server.close();
      const drained = await worker?.drain(DRAIN_DEADLINE_MS);
      if (drained && drained.unfinished > 0) {
        logger.warn("stopping with jobs still running; the next start resumes them", {
          jobs: drained.unfinished,
        });
      }
      await evaluations.stop();
      engine.stop();
      closePage?.();
      await sandbox?.close();
      await jobs.close();
      await targets.close();
      await schedules.close();
      await store.close();
    },
  };
}

/** `npm start` / `mpo serve`: runs until interrupted, and says where to look. */
export async function serve(): Promise<void> {
  const running = await startApp();
  process.stdout.write(
    running.emulator
      ? `Sandbox ready (no Slack credentials set): open ${running.url}\n`
      : `Listening on ${running.url} (Slack events at /slack/events)\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await running.close();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  serve().catch((error: unknown) => {
    process.stderr.write(`mpo: ${describeStartFailure(error)}\n`);
    process.exitCode = 1;
  });
}

function describeStartFailure(error: unknown): string {
  if (error instanceof Error && "code" in error && error.code === "EADDRINUSE") {
    return `port ${process.env.PORT ?? 3000} is already in use: stop the other server or start with PORT=3001 npm start`;
  }
  return error instanceof Error ? error.message : String(error);
}
