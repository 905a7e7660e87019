import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/** The request came from this machine, over loopback. */
export function isLocalCall(c: Context): boolean {
  try {
    return LOOPBACK.has(getConnInfo(c).remote.address ?? "");
  } catch {
    // Not served by Node's HTTP server (no socket to ask): not provably local.
    return false;
  }
}
