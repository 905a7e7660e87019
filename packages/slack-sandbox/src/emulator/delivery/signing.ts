import { createHmac } from "node:crypto";

/**
 * Slack's request signature: `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>` keyed with the
 * app's signing secret.
 */
export function slackSignature(signingSecret: string, timestampSec: number, body: string): string {
  const digest = createHmac("sha256", signingSecret).update(`v0:${timestampSec}:${body}`).digest("hex");
  return `v0=${digest}`;
}

export function signedHeaders(
  signingSecret: string,
  body: string,
  nowMs = Date.now(),
): Record<string, string> {
  const timestamp = Math.floor(nowMs / 1000);
  return {
    "X-Slack-Request-Timestamp": String(timestamp),
    "X-Slack-Signature": slackSignature(signingSecret, timestamp, body),
  };
}
