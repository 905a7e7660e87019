import type { Context } from "hono";
import { html } from "hono/html";
import type { Workspace } from "../workspace.js";
import type { Workspaces } from "../workspaces.js";
import type { InstallCodes } from "./install-codes.js";

/** Slack's consent screen refuses a bad request with a page, not a redirect. */
function refuse(c: Context, message: string): Response | Promise<Response> {
  return c.html(html`<!doctype html><title>Installation failed | Slack</title><p>${message}</p>`, 400);
}

/** The person approving: the one named, else the workspace's first person who is not a bot. */
function installer(ws: Workspace, userId: string | undefined): string | undefined {
  if (userId) return ws.store.users.get(userId)?.isBot === false ? userId : undefined;
  return [...ws.store.users.values()].find((user) => !user.isBot)?.id;
}

/**
 * Without `redirect_uri` Slack uses the one in the app's settings; here that is `/slack/oauth_redirect` on
 * the app's request URL's server.
 */
function configuredRedirect(requestUrl: string | undefined): string {
  return requestUrl ? new URL("/slack/oauth_redirect", requestUrl).toString() : "";
}

/**
 * `GET /oauth/v2/authorize`: Slack's "Add to Slack" page. With `team` (and optionally `user`) the person
 * approves at once: the app is installed in that workspace and the browser goes back to `redirect_uri` with
 * a code and the app's `state`. Without `team`, a page lists the workspaces to choose from.
 */
export function authorizeRoute(workspaces: Workspaces, codes: InstallCodes) {
  return (c: Context): Response | Promise<Response> => {
    const query = new URL(c.req.url).searchParams;
    const config = workspaces.primary.ws.config;
    if (query.get("client_id") !== config.clientId) return refuse(c, "Invalid client_id parameter.");
    const redirect = query.get("redirect_uri") ?? configuredRedirect(config.requestUrl);
    if (!/^https?:\/\//.test(redirect)) return refuse(c, "Missing or invalid redirect_uri parameter.");
    const teamId = query.get("team");
    if (!teamId) {
      const choices = workspaces.all().map(({ ws }) => {
        const next = new URLSearchParams(query);
        next.set("team", ws.store.team.id);
        return html`<li><a href="?${next.toString()}">${ws.store.team.name}</a></li>`;
      });
      return c.html(
        html`<!doctype html><title>Install the app | Slack</title><h1>Choose a workspace</h1><ul>${choices}</ul>`,
      );
    }
    const entry = workspaces.team(teamId);
    if (!entry) return refuse(c, `No workspace ${teamId}.`);
    const userId = installer(entry.ws, query.get("user") ?? undefined);
    if (!userId) return refuse(c, "Nobody in this workspace can install the app: create a person first.");
    entry.ws.config.installed = true;
    const code = codes.issue({
      teamId,
      userId,
      scope: query.get("scope") ?? "",
      redirectUri: redirect,
    });
    const target = new URL(redirect);
    target.searchParams.set("code", code);
    const state = query.get("state");
    if (state !== null) target.searchParams.set("state", state);
    return c.redirect(target.toString(), 302);
  };
}
