import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import type { FrontDoor } from "./webhook-speed-path.js";

export interface RunningServer {
  port: number;
  /** `http://<host>:<port>` */
  url: string;
  close(): Promise<void>;
}

/** What Node's server calls per request: a Hono app's `fetch`. */
type FetchHandler = Parameters<typeof getRequestListener>[0];

export interface ServeOptions {
  port: number;
  hostname?: string;
  /** A client must have sent its headers within this time; 10 s by default. */
  headersTimeoutMs?: number;
  /** ...and its whole request within this time; 2 minutes by default (a 50 MB upload on a slow link). */
  requestTimeoutMs?: number;
  /** Connections open at once; more are closed as they arrive. 1,000 by default. */
  maxConnections?: number;
}

/**
 * Serves a Hono app on Node's HTTP server, behind its `frontDoor` when it has one (the webhook's speed-only
 * path); port 0 picks a free one (tests, benchmarks). Slow or idle clients cannot hold the server's
 * sockets: headers and whole requests have deadlines, and connections are capped, so thousands of slow
 * connections cannot exhaust the process's file descriptors.
 */
export function serveHttp(
  app: { fetch: FetchHandler; frontDoor?: FrontDoor },
  options: ServeOptions,
): Promise<RunningServer> {
  const hostname = options.hostname ?? "127.0.0.1";
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const requestTimeout = Math.max(options.requestTimeoutMs ?? 120_000, headersTimeout);
  const server = createServer(
    {
      headersTimeout,
      requestTimeout,
      // How often Node looks for connections past those deadlines (30 s by default).
      connectionsCheckingInterval: Math.min(1_000, headersTimeout),
    },
    withFrontDoor(app, getRequestListener(app.fetch, { hostname })),
  );
  server.maxConnections = options.maxConnections ?? 1_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, hostname, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        port,
        url: `http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}

function withFrontDoor(app: { frontDoor?: FrontDoor }, listener: RequestListener): RequestListener {
  return app.frontDoor ? app.frontDoor(listener) : listener;
}
