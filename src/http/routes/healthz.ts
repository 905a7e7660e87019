import type { Handler } from "hono";
import type { Store } from "../../store/index.js";
import { errorResponse, type HttpEnv } from "../http-env.js";

/** Up and able to reach its storage: what a load balancer or uptime check needs to know. */
export function healthzRoute(store: Store): Handler<HttpEnv> {
  return (c) => {
    try {
      store.ping();
      return c.json({ ok: true });
    } catch {
      return errorResponse(c, 503, "storage is not answering");
    }
  };
}
