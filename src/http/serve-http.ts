import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import type { NodeFastPath } from "./node/webhook-fast-path.js";

export interface RunningServer {
  port: number;
  /** `http://<host>:<port>` */
  url: string;
  close(): Promise<void>;
}

/** What Node's server calls per request: a Hono app's `fetch`. */
type FetchHandler = Parameters<typeof getRequestListener>[0];

/**
 * Serves a Hono app on Node's HTTP server; port 0 picks a free one (tests, benchmarks). A fast path, when
 * the app has one, sees each request first and leaves to Hono those it does not serve.
 */
export function serveHttp(
  app: { fetch: FetchHandler; nodeFastPath?: NodeFastPath | null },
  options: { port: number; hostname?: string },
): Promise<RunningServer> {
  const hostname = options.hostname ?? "127.0.0.1";
  const hono = getRequestListener(app.fetch, { hostname });
  const fast = app.nodeFastPath;
  const server = createServer(
    fast
      ? (request, response) => {
          if (!fast(request, response)) void hono(request, response);
        }
      : hono,
  );
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
