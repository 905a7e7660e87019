import { statfsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Handler } from "hono";
import type { Store } from "../../store/index.js";
import { errorResponse, type HttpEnv } from "../http-env.js";

/** Below this much free space next to the database, writes are about to fail: not ready for more. */
export const MIN_FREE_BYTES = 64 * 1024 * 1024;

/** The process answers: what a liveness check needs (restarting it would not help a full disk). */
export function healthzRoute(): Handler<HttpEnv> {
  return (c) => c.json({ ok: true });
}

/**
 * Ready to take work: the database answers and its disk has room. What a load balancer or uptime check
 * asks before sending a webhook or a Slack event; each refusal says what an operator should look at.
 */
export function readyzRoute(
  store: Pick<Store, "ping">,
  databasePath: string | undefined,
  minFreeBytes: number,
): Handler<HttpEnv> {
  return async (c) => {
    try {
      await store.ping();
    } catch {
      return errorResponse(c, 503, "not ready: the database is not answering; check the logs and restart");
    }
    const free = databasePath && databasePath !== ":memory:" ? freeBytesNear(databasePath) : null;
    if (free !== null && free < minFreeBytes) {
      return errorResponse(
        c,
        503,
        `not ready: ${Math.floor(free / (1024 * 1024))} MB free on the database's disk, under ${minFreeBytes / (1024 * 1024)} MB; free some space`,
      );
    }
    return c.json({ ok: true });
  };
}

function freeBytesNear(databasePath: string): number | null {
  try {
    const stats = statfsSync(dirname(resolve(databasePath)));
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}
