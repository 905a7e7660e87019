import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";

export interface RunningServer {
  port: number;
  /** `http://<host>:<port>` */
  url: string;
  close(): Promise<void>;
}

/** What `serve` calls per request: a Hono app's `fetch`. */
type FetchHandler = Parameters<typeof serve>[0]["fetch"];

/** Serves a Hono app on Node's HTTP server; port 0 picks a free one (tests, benchmarks). */
export function serveHttp(
  app: { fetch: FetchHandler },
  options: { port: number; hostname?: string },
): Promise<RunningServer> {
  const hostname = options.hostname ?? "127.0.0.1";
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname }, (info: AddressInfo) => {
      resolve({
        port: info.port,
        url: `http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${info.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            if ("closeAllConnections" in server) server.closeAllConnections();
          }),
      });
    });
    server.once("error", reject);
  });
}
