import { statfsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Handler } from "hono";
import type { Backlog } from "../../jobs/job-queue.js";
import type { Store } from "../../store/index.js";
import { errorResponse, type HttpEnv } from "../http-env.js";

/** Below this much free space next to the database, writes are about to fail: not ready for more. */
export const MIN_FREE_BYTES = 64 * 1024 * 1024;

/** The process answers: what a liveness check needs (restarting it would not help a full disk). */
export function healthzRoute(): Handler<HttpEnv> {
  return (c) => c.json({ ok: true });
}

/**
 * Ready to take work: the database answers, its schema is the one this program migrates to, and its disk
 * has room. What a load balancer or uptime check asks before sending a webhook or a Slack event; each
 * refusal says what an operator should look at. The job backlog (how many jobs wait, and for how long) is
 * reported for monitoring, not judged: a busy queue is still a ready one.
 */
export function readyzRoute(
  store: Pick<Store, "ping">,
  databasePath: string | undefined,
  minFreeBytes: number,
  jobs?: { backlog(): Promise<Backlog> },
): Handler<HttpEnv> {
  return async (c) => {
    let status: Awaited<ReturnType<Store["ping"]>>;
    try {
      status = await store.ping();
    } catch {
      return errorResponse(c, 503, "not ready: the database is not answering; check the logs and restart");
    }
    if (status.schemaVersion !== status.latestSchemaVersion) {
      return errorResponse(
        c,
        503,
        `not ready: the ${status.engine} database has schema version ${status.schemaVersion} and this program expects ${status.latestSchemaVersion}; run the newer program or restart this one to migrate`,
      );
    }
    const free = databasePath && databasePath !== ":memory:" ? freeBytesNear(databasePath) : null;
    if (free !== null && free < minFreeBytes) {
      return errorResponse(
        c,
        503,
        `not ready: ${Math.floor(free / (1024 * 1024))} MB free on the database's disk, under ${minFreeBytes / (1024 * 1024)} MB; free some space`,
      );
    }
    const backlog = jobs ? await jobs.backlog().catch(() => null) : undefined;
    return c.json({
      ok: true,
      store: { engine: status.engine, schemaVersion: status.schemaVersion },
      ...(backlog === undefined
        ? {}
        : {
            jobs: backlog && {
              waiting: backlog.waiting,
              oldestAgeSeconds: backlog.oldestAgeMs === null ? null : Math.round(backlog.oldestAgeMs / 1000),
            },
          }),
    });
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
