import { createHmac } from "node:crypto";

/**
 * The headers the app's webhook checks: `X-MPO-Timestamp` (Unix seconds) and
 * `X-MPO-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>`.
 */
export function webhookSignatureHeaders(
  secret: string,
  body: string,
  now = new Date(),
): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const digest = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return { "X-MPO-Timestamp": timestamp, "X-MPO-Signature": `sha256=${digest}` };
}
