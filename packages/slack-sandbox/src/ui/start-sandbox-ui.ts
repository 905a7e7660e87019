import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { type SandboxUiOptions, sandboxUi } from "./sandbox-ui.js";

export interface RunningSandboxUi {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  close(): Promise<void>;
}

/**
 * The sandbox UI on its own loopback server (tests, or a process that has no Hono app to mount it on).
 * `main.ts` normally mounts `sandboxUi(...).routes` on the app's one server instead.
 */
export async function startSandboxUi(
  options: SandboxUiOptions & { port?: number },
): Promise<RunningSandboxUi> {
  const ui = sandboxUi(options);
  const server = createAdaptorServer({ fetch: ui.routes.fetch }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      ui.close();
      // Open change streams would keep the server from closing.
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
