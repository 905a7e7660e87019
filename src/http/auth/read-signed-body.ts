import type { MiddlewareHandler } from "hono";
import { errorResponse, type HttpEnv } from "../http-env.js";
import { signatureMismatch } from "./webhook-signature.js";

/**
 * Reads the body (its size already bounded by `bodyLimit`) and, for a signed request, lets it on only if
 * the signature covers these exact bytes. Routes read the same bytes from `rawBody`.
 */
export function readSignedBody(secret: string | undefined): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const body = new Uint8Array(await c.req.arrayBuffer());
    const signed = c.get("signed");
    if (signed && secret) {
      const mismatch = signatureMismatch(secret, signed, body);
      if (mismatch) return errorResponse(c, 401, mismatch);
    }
    c.set("rawBody", body);
    return next();
  };
}
