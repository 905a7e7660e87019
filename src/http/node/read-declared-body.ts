import type { IncomingMessage } from "node:http";

/**
 * The body of a request that declared its Content-Length (Node's parser delivers exactly that many bytes),
 * or null when the sender hangs up first. A single chunk, the usual case for a webhook, is kept as is.
 */
export function readDeclaredBody(request: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.once("end", () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    request.once("error", () => resolve(null));
  });
}
