import type { MiddlewareHandler } from "hono";
import type { Workspace } from "../../store/index.js";
import { isWorkspaceSecret } from "../../webhook-secrets/index.js";
import { errorResponse, type HttpEnv } from "../http-env.js";
import { isLocalCall } from "./local-call.js";
import { checkCredentialHeaders } from "./webhook-signature.js";

export interface WebhookAuthConfig {
  webhookSecret?: string;
  /** The local sandbox is running: without a secret, calls from this machine are let in unsigned. */
  sandbox: boolean;
}

/** The workspace a workspace's webhook secret (from `/webhook new`) belongs to, or null for no such secret. */
export type FindSecretWorkspace = (secret: string) => Promise<Workspace | null>;

const BEARER = /^Bearer\s+(.+)$/i;

/**
 * Lets a request on only with acceptable credential headers, before a byte of its body is read: a stranger's
 * 49 MB upload is refused as it starts. A signature is matched to the body later, by `readSignedBody`.
 * Without WEBHOOK_SECRET nothing is accepted from outside, so a server deployed without one can never take
 * unauthenticated writes.
 */
export function requireWebhookAuth(
  config: WebhookAuthConfig,
  findWorkspace?: FindSecretWorkspace,
): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    // A workspace's own secret, told apart by its prefix, names the workspace its rows belong to.
    const token = BEARER.exec(c.req.header("authorization")?.trim() ?? "")?.[1]?.trim();
    if (token !== undefined && isWorkspaceSecret(token) && c.req.header("x-mpo-signature") === undefined) {
      const workspace = findWorkspace ? await findWorkspace(token) : null;
      if (!workspace) {
        return errorResponse(
          c,
          401,
          "the bearer token is not a current webhook secret of any workspace: make one with /webhook new in Slack (a replaced or revoked secret no longer works)",
        );
      }
      c.set("signed", null);
      c.set("workspace", workspace);
      return next();
    }
    const secret = config.webhookSecret;
    if (!secret) {
      if (config.sandbox && isLocalCall(c)) {
        c.set("signed", null);
        return next();
      }
      return errorResponse(
        c,
        503,
        "this endpoint is off because no secret is configured: set WEBHOOK_SECRET and restart, then sign requests with it, or send a workspace's secret (/webhook new in Slack) as Authorization: Bearer <secret>",
      );
    }
    const verdict = checkCredentialHeaders(
      secret,
      {
        authorization: c.req.header("authorization"),
        signature: c.req.header("x-mpo-signature"),
        timestamp: c.req.header("x-mpo-timestamp"),
      },
      Date.now(),
    );
    if (!verdict.ok) return errorResponse(c, 401, verdict.reason);
    c.set("signed", verdict.signed);
    return next();
  };
}
