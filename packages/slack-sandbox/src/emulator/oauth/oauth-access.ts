import type { ApiArgs, ApiResult } from "../web-api/method.js";
import type { Workspaces } from "../workspaces.js";
import type { InstallCodes } from "./install-codes.js";

function basicCredentials(header: string | undefined): { id?: string; secret?: string } {
  const match = header ? /^Basic\s+(\S+)$/i.exec(header) : null;
  if (!match?.[1]) return {};
  const [id, secret] = Buffer.from(match[1], "base64").toString("utf8").split(":");
  return { id, secret };
}

/**
 * `oauth.v2.access`: the app trades the code from the authorize page for the workspace's bot token. The app
 * proves itself with its client id and secret (form fields or HTTP Basic), not with a token.
 */
export function oauthAccess(
  workspaces: Workspaces,
  codes: InstallCodes,
  args: ApiArgs,
  authorization: string | undefined,
): ApiResult {
  const basic = basicCredentials(authorization);
  const clientId = typeof args.client_id === "string" ? args.client_id : basic.id;
  const clientSecret = typeof args.client_secret === "string" ? args.client_secret : basic.secret;
  const config = workspaces.primary.ws.config;
  if (clientId !== config.clientId) return { ok: false, error: "invalid_client_id" };
  if (clientSecret !== config.clientSecret) return { ok: false, error: "bad_client_secret" };
  const grant = typeof args.code === "string" ? codes.redeem(args.code) : undefined;
  if (!grant) return { ok: false, error: "invalid_code" };
  if (typeof args.redirect_uri === "string" && args.redirect_uri !== grant.redirectUri)
    return { ok: false, error: "bad_redirect_uri" };
  const ws = workspaces.team(grant.teamId)?.ws;
  if (!ws?.config.installed) return { ok: false, error: "invalid_code" };
  return {
    ok: true,
    app_id: ws.config.appId,
    authed_user: { id: grant.userId },
    scope: grant.scope,
    token_type: "bot",
    access_token: ws.config.botToken,
    bot_user_id: ws.config.botUserId,
    team: { id: ws.store.team.id, name: ws.store.team.name },
    enterprise: null,
    is_enterprise_install: false,
  };
}
