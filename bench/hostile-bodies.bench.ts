/**
 * Issue 13's memory target: peak memory under hostile bodies stays within 100 MB of idle. The app's HTTP
 * server (webhook, REST API and /slack/events) runs in its own process, which samples its resident memory
 * every 5 ms; this process sends what the security review sent (unsigned 400 MB Slack POSTs, chunked
 * bodies that never end, unauthenticated 49 MB uploads) and has the server download shared files that
 * declare 10 bytes and send 600 MB. Each line prints the server's peak resident memory over its idle level.
 */
import { spawn } from "node:child_process";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createHttpApp, serveHttp } from "../src/http/index.js";
import { silentLogger } from "../src/log/logger.js";
import { downloadFile } from "../src/slack/flows/download-file.js";
import { HonoReceiver } from "../src/slack/hono-receiver.js";
import { slackEventsRoute } from "../src/slack/slack-events-route.js";
import { openSqliteStore } from "../src/store/index.js";

const MB = 1024 * 1024;
const TARGET_MB = 100;
const SIGNING_SECRET = "bench-signing-secret";

/** Sends up to `bytes` of body as fast as the server takes it, until it answers; resolves with its status. */
function hostilePost(
  port: number,
  path: string,
  headers: Record<string, string>,
  bytes: number,
  chunked: boolean,
): Promise<number> {
  return new Promise((resolve) => {
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const outgoing = request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: "POST",
        headers: chunked ? headers : { ...headers, "content-length": String(bytes) },
      },
      (response) => {
        response.resume();
        outgoing.destroy();
        resolve(response.statusCode ?? 0);
      },
    );
    outgoing.on("error", () => resolve(0));
    let sent = 0;
    const pump = () => {
      while (sent < bytes && !outgoing.destroyed) {
        sent += chunk.length;
        if (!outgoing.write(chunk)) {
          outgoing.once("drain", pump);
          return;
        }
      }
      if (!outgoing.destroyed) outgoing.end();
    };
    pump();
  });
}

/** A file host that declares nothing and streams `bytes` to every download. */
async function endlessFileHost(bytes: number): Promise<{ url: string; close: () => void }> {
  const server = createServer((_, response) => {
    const chunk = Buffer.alloc(64 * 1024, 0x62);
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!response.write(chunk)) {
          response.once("drain", pump);
          return;
        }
      }
      response.end();
    };
    response.on("close", () => {
      sent = bytes;
    });
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/files-pri/T1-F1/download/export.csv`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

export async function run(): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "serve"], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })[Symbol.asyncIterator]();
  const ask = async (command: string) => {
    child.stdin?.write(`${command}\n`);
    return (await lines.next()).value as string;
  };
  const port = Number((await lines.next()).value);
  const fileHost = await endlessFileHost(600e6);
  try {
    const idle = Number(await ask("reset"));
    console.log(`server idle: ${(idle / MB).toFixed(0)} MB resident`);
    const scenario = async (name: string, attack: () => Promise<string>) => {
      await ask("reset");
      const outcome = await attack();
      const peak = Number(await ask("peak"));
      const over = (peak - idle) / MB;
      console.log(
        `${name.padEnd(64)} peak +${over.toFixed(0).padStart(3)} MB over idle   ${outcome}${over > TARGET_MB ? "   OVER TARGET" : ""}`,
      );
    };
    const statuses = async (attempts: Promise<number>[]) =>
      `answers ${[...new Set(await Promise.all(attempts))].join(", ")}`;
    const now = () => String(Math.floor(Date.now() / 1000));
    const slackShaped = { "x-slack-request-timestamp": now(), "x-slack-signature": `v0=${"0".repeat(64)}` };
    await scenario("4 unsigned 400 MB POSTs to /slack/events", () =>
      statuses(Array.from({ length: 4 }, () => hostilePost(port, "/slack/events", {}, 400 * MB, false))),
    );
    await scenario("4 chunked 400 MB POSTs with Slack-shaped headers", () =>
      statuses(
        Array.from({ length: 4 }, () => hostilePost(port, "/slack/events", slackShaped, 400 * MB, true)),
      ),
    );
    await scenario("10 unauthenticated 49 MB uploads to /analytics/upload-csv", () =>
      statuses(
        Array.from({ length: 10 }, () =>
          hostilePost(
            port,
            "/analytics/upload-csv",
            { "content-type": "multipart/form-data; boundary=x" },
            49 * MB,
            false,
          ),
        ),
      ),
    );
    await scenario("4 chunked 400 MB webhook POSTs with a signature's shape", () =>
      statuses(
        Array.from({ length: 4 }, () =>
          hostilePost(
            port,
            "/webhooks/ingest",
            {
              "content-type": "application/json",
              "x-mpo-timestamp": now(),
              "x-mpo-signature": `sha256=${"0".repeat(64)}`,
            },
            400 * MB,
            true,
          ),
        ),
      ),
    );
    await scenario("4 downloads of a file declared as 10 bytes that sends 600 MB", () =>
      ask(`download ${fileHost.url} 4`),
    );
  } finally {
    fileHost.close();
    child.kill("SIGTERM");
  }
}

/** The server: the app's HTTP routes, a resident-memory sampler, and commands on stdin. */
async function serve(): Promise<void> {
  const store = openSqliteStore(":memory:");
  const app = createHttpApp({
    store,
    config: { webhookSecret: "bench-webhook-secret", sandbox: false, corsOrigins: [] },
    insights: async () => "",
    logger: { warn() {}, error() {} },
  });
  const receiver = new HonoReceiver({ signingSecret: SIGNING_SECRET, logger: silentLogger });
  app.post("/slack/events", ...slackEventsRoute(() => receiver));
  const server = await serveHttp(app, { port: 0 });
  let peak = 0;
  setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5).unref();
  process.on("SIGTERM", () => process.exit(0));
  process.stdout.write(`${server.port}\n`);
  for await (const line of createInterface({ input: process.stdin })) {
    const [command, url, count] = line.split(" ");
    if (command === "reset") {
      global.gc?.();
      peak = process.memoryUsage.rss();
      process.stdout.write(`${peak}\n`);
    } else if (command === "peak") {
      process.stdout.write(`${Math.max(peak, process.memoryUsage.rss())}\n`);
    } else if (command === "download" && url) {
      const policy = { hosts: [new URL(url).host], maxBytes: 200 * MB, timeoutMs: 60_000, idleMs: 15_000 };
      const outcomes = await Promise.allSettled(
        Array.from({ length: Number(count) }, () => downloadFile(url, "xoxb-bench", 10, policy)),
      );
      const reasons = new Set(
        outcomes.map((outcome) =>
          outcome.status === "rejected" ? String(outcome.reason.message) : "downloaded",
        ),
      );
      process.stdout.write(`${[...reasons].join("; ")}\n`);
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === "serve") await serve();
