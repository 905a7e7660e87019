/** Slack signs with its own clock: a request may be this far ahead of ours before it is refused. */
export const FUTURE_SKEW_SECONDS = 60;
/** ...and this far behind (Slack's own rule, which Bolt applies in the past direction only). */
export const STALE_AFTER_SECONDS = 5 * 60;

/**
 * What is wrong with a Slack request's signature headers, before its body is read: missing, not Slack's
 * `v0=<hex>` form, older than five minutes, or dated in the future (a request signed ahead of time could
 * otherwise be replayed for as long as its date lies ahead). Null when they are fit to check.
 */
export function checkSlackHeaders(headers: Headers, nowMs: number): string | null {
  const signature = headers.get("x-slack-signature");
  const timestamp = headers.get("x-slack-request-timestamp");
  if (signature === null || timestamp === null) {
    return "missing X-Slack-Signature or X-Slack-Request-Timestamp: only Slack's signed requests are accepted";
  }
  if (!/^v0=[0-9a-f]{64}$/.test(signature)) return "X-Slack-Signature must read v0=<64 hex digits>";
  if (!/^\d{1,12}$/.test(timestamp)) return "X-Slack-Request-Timestamp must be Unix time in seconds";
  const age = nowMs / 1000 - Number(timestamp);
  if (age > STALE_AFTER_SECONDS) return "X-Slack-Request-Timestamp is more than 5 minutes old: stale request";
  if (age < -FUTURE_SKEW_SECONDS) {
    return `X-Slack-Request-Timestamp is ${Math.round(-age)} s in the future: check the sender's clock`;
  }
  return null;
}
