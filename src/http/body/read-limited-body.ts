import type { MiddlewareHandler } from "hono";
import { errorResponse, type HttpEnv } from "../http-env.js";

/**
 * Reads the whole body, refusing it with 413 as soon as it is known to exceed `maxBytes`: from
 * Content-Length before reading anything, or while counting the bytes of a chunked body. The exact bytes
 * are kept for the signature check and the parser.
 */
export function readLimitedBody(maxBytes: number): MiddlewareHandler<HttpEnv> {
  const tooLarge = `the body is larger than ${describeBytes(maxBytes)}: send fewer records per request`;
  return async (c, next) => {
    const declared = c.req.header("content-length");
    if (declared !== undefined && Number(declared) > maxBytes) return errorResponse(c, 413, tooLarge);
    const body = await readUpTo(c.req.raw, maxBytes, declared !== undefined);
    if (body === null) return errorResponse(c, 413, tooLarge);
    c.set("rawBody", body);
    await next();
  };
}

async function readUpTo(
  request: Request,
  maxBytes: number,
  lengthDeclared: boolean,
): Promise<Uint8Array<ArrayBuffer> | null> {
  // Node's parser delivers exactly Content-Length bytes, so a declared length already checked is safe to
  // read in one go (the server's fast path); the check after it is for any other runtime.
  if (lengthDeclared || !request.body) {
    const bytes = new Uint8Array(await request.arrayBuffer());
    return bytes.byteLength > maxBytes ? null : bytes;
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}
