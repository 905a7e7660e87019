import type { MiddlewareHandler } from "hono";
import { errorResponse, type HttpEnv } from "../http-env.js";
import { declaredMediaType, isJsonMediaType } from "./media-type.js";

/** 415 unless the request says its body is of the media type the route reads (`+json` types count as JSON). */
export function requireContentType(
  mediaType: "application/json" | "multipart/form-data",
): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const declared = declaredMediaType(c.req.header("content-type"));
    const matches = mediaType === "application/json" ? isJsonMediaType(declared) : declared === mediaType;
    if (!matches) {
      const sent = declared === "" ? "no Content-Type" : `Content-Type ${declared}`;
      return errorResponse(c, 415, `expected Content-Type: ${mediaType}, got ${sent}`);
    }
    return next();
  };
}
