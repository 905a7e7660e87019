import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** How far a signed request's timestamp may be from our clock: a captured request replays for 5 minutes at most. */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

function hmacOf(secret: string, timestamp: number | string, body: Uint8Array | string): Buffer {
  return createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest();
}

/** `sha256=<hex>` of HMAC-SHA256(secret, timestamp + "." + body): what `X-MPO-Signature` carries. */
export function signWebhookBody(
  secret: string,
  timestamp: number | string,
  body: Uint8Array | string,
): string {
  return `sha256=${hmacOf(secret, timestamp, body).toString("hex")}`;
}

export interface Credentials {
  authorization?: string;
  signature?: string;
  timestamp?: string;
}

/** A signature whose form and time were accepted; whether it matches the body is known once that is read. */
export interface PendingSignature {
  /** 64 lower-case hex digits. */
  hex: string;
  timestamp: string;
}

/** `signed` is null for a bearer token, which needs no body to be checked. */
export type HeaderVerdict = { ok: true; signed: PendingSignature | null } | { ok: false; reason: string };

const SIGNATURE_FORMAT = /^sha256=([0-9a-f]{64})$/i;
const BEARER_FORMAT = /^Bearer\s+(.+)$/i;

/**
 * Checks everything about a request's credentials that does not need its body: a bearer token completely,
 * a signature's form and timestamp. Runs before the body is read, so a stranger's upload is refused
 * without being received. Either a signature over the raw body (n8n, Make, code) or the secret itself as
 * a bearer token (tools that cannot compute an HMAC). Reasons name what to fix and never echo a credential.
 */
export function checkCredentialHeaders(
  secret: string,
  credentials: Credentials,
  nowMs: number,
): HeaderVerdict {
  const { authorization, signature, timestamp } = credentials;
  if (signature !== undefined) return checkSignatureHeaders(signature, timestamp, nowMs);
  if (authorization !== undefined) {
    const token = BEARER_FORMAT.exec(authorization.trim())?.[1];
    if (token === undefined) {
      return { ok: false, reason: "the Authorization header must read: Bearer <WEBHOOK_SECRET>" };
    }
    return sameText(token.trim(), secret)
      ? { ok: true, signed: null }
      : { ok: false, reason: "the bearer token is not the webhook secret" };
  }
  return {
    ok: false,
    reason:
      "no credentials: sign the body (X-MPO-Signature: sha256=<hex> and X-MPO-Timestamp: <unix seconds>) or send Authorization: Bearer <WEBHOOK_SECRET>",
  };
}

function checkSignatureHeaders(
  signature: string,
  timestamp: string | undefined,
  nowMs: number,
): HeaderVerdict {
  const hex = SIGNATURE_FORMAT.exec(signature.trim())?.[1];
  if (hex === undefined) return { ok: false, reason: "X-MPO-Signature must read sha256=<64 hex digits>" };
  if (timestamp === undefined || !/^\d{1,12}$/.test(timestamp.trim())) {
    return {
      ok: false,
      reason: "a signed request needs X-MPO-Timestamp: the Unix time in seconds it was signed at",
    };
  }
  const skew = Math.abs(nowMs / 1000 - Number(timestamp));
  if (skew > SIGNATURE_WINDOW_SECONDS) {
    return {
      ok: false,
      reason: `X-MPO-Timestamp is ${Math.round(skew)} s away from the server's clock; sign with the current Unix time (within ${SIGNATURE_WINDOW_SECONDS / 60} minutes)`,
    };
  }
  return { ok: true, signed: { hex: hex.toLowerCase(), timestamp: timestamp.trim() } };
}

/** The reason a signature does not cover these bytes, or null when it does. */
export function signatureMismatch(secret: string, signed: PendingSignature, body: Uint8Array): string | null {
  // Both are 32 bytes (the form was checked), so they compare in constant time as they are.
  return timingSafeEqual(Buffer.from(signed.hex, "hex"), hmacOf(secret, signed.timestamp, body))
    ? null
    : 'X-MPO-Signature does not match the body: sign timestamp + "." + the exact bytes sent';
}

/** Constant-time comparison of two strings of any lengths (their digests always have the same length). */
export function sameText(a: string, b: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(a), digest(b));
}
