import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { resolveConfig, type SlackEmulatorOptions } from "./config.js";
import { createWorkspace } from "./create-workspace.js";
import { FaultPlan } from "./faults.js";
import { emulatorApp } from "./http/emulator-app.js";
import { IdFactory } from "./ids.js";
import { installApp } from "./oauth/install-app.js";
import { InstallCodes } from "./oauth/install-codes.js";
import type { NewWorkspace, SlackEmulator, SlackWorkspace, UrlVerificationResult } from "./slack-emulator.js";
import { workspaceHandle } from "./workspace-handle.js";
import { Workspaces } from "./workspaces.js";

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
  const team = {
    id: options.teamId ?? ids.team(),
    name: options.teamName ?? "Sandbox",
    domain: options.teamDomain ?? "sandbox",
  };
  const primary = createWorkspace(team, config, ids);
  const workspaces = new Workspaces(primary);
  const handles = new Map<string, SlackWorkspace>();
  const faults = new FaultPlan();
  const codes = new InstallCodes(ids);
  const app = emulatorApp(workspaces, faults, codes);
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  const port = await listen(server, options.port ?? 0);
  workspaces.setBaseUrl(`http://127.0.0.1:${port}`);

  const first = workspaceHandle(primary, faults);
  handles.set(team.id, first);
  const addWorkspace = (input: NewWorkspace = {}): SlackWorkspace => {
    const teamId = input.teamId ?? ids.team();
    const entry = createWorkspace(
      {
        id: teamId,
        name: input.teamName ?? teamId,
        domain: input.teamDomain ?? teamId.toLowerCase(),
      },
      {
        ...config,
        botToken: input.botToken ?? `xoxb-${teamId}-${ids.secret(24)}`,
        botUserId: input.botUserId ?? ids.user(),
        botId: input.botId ?? ids.bot(),
        installed: input.installed ?? false,
      },
      ids,
    );
    workspaces.add(entry);
    const handle = workspaceHandle(entry, faults);
    handles.set(teamId, handle);
    return handle;
  };
  const deliveries = () => workspaces.all().map((entry) => entry.delivery);

  return Object.defineProperties(
    {
      baseUrl: config.baseUrl,
      apiUrl: `${config.baseUrl}/api/`,
      authorizeUrl: `${config.baseUrl}/oauth/v2/authorize`,
      appId: config.appId,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      app,
      ...first,
      setRequestUrl: (url: string | undefined) => workspaces.setRequestUrl(url),
      verifyRequestUrl: async (): Promise<UrlVerificationResult> => {
        const challenge = ids.secret(32);
        const result = await primary.delivery.verifyUrl(challenge);
        return {
          ok: result.outcome === "acked" && echoesChallenge(result.body, challenge),
          status: result.status,
          body: result.body,
        };
      },
      addWorkspace,
      workspace: (teamId: string) => {
        const handle = handles.get(teamId);
        if (!handle) throw new Error(`no workspace ${teamId}`);
        return handle;
      },
      installApp,
      rateLimitNext: (method: string, limit?: { count?: number; retryAfter?: number }) =>
        faults.rateLimitNext(method, limit),
      failNext: (method: string, error: string, failure?: { count?: number }) =>
        faults.failNext(method, error, failure),
      idle: async () => {
        await Promise.all(deliveries().map((delivery) => delivery.idle()));
      },
      close: async () => {
        for (const delivery of deliveries()) delivery.close();
        await Promise.all(deliveries().map((delivery) => delivery.idle()));
        server.closeAllConnections();
        await new Promise<void>((resolve, reject) =>
          server.close((error) => (error ? reject(error) : resolve())),
        );
      },
    },
    {
      // A spread copies a getter's value once; these two change when the app is removed and added again.
      botToken: { get: () => config.botToken, enumerable: true },
      installed: { get: () => config.installed, enumerable: true },
    },
  ) as SlackEmulator;
}
