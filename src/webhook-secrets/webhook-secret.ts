import { createHash, randomBytes } from "node:crypto";

/**
 * How a workspace's webhook secret begins: a bearer token with it is looked up among the workspaces'
 * secrets, any other is compared with WEBHOOK_SECRET, so the two kinds never shadow each other.
 */
export const WORKSPACE_SECRET_PREFIX = "mpo_ws_";

/** A new secret: 32 random bytes, URL-safe, behind the prefix. Shown once; only its hash is stored. */
export function makeWorkspaceSecret(): string {
  return `${WORKSPACE_SECRET_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/**
 * What the store keeps and looks secrets up by. A plain SHA-256 is enough: the secret is 256 random
 * bits, so there is nothing to guess from the hash, and a lookup by hash compares no secret byte by byte.
 */
export function hashWorkspaceSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function isWorkspaceSecret(token: string): boolean {
  return token.startsWith(WORKSPACE_SECRET_PREFIX);
}
