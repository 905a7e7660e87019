export interface InstallAppInput {
  /** The app's own install page, e.g. `http://127.0.0.1:3000/slack/install`. */
  installUrl: string;
  /** The workspace to install the app in. */
  teamId: string;
  /** Who approves; the workspace's first person by default. */
  user?: string;
}

/** What the app answered when the browser came back to its redirect URL. */
export interface InstallAppResult {
  status: number;
  body: string;
  /** Where the app sent the browser next, if it redirected. */
  location?: string;
  /** The URL the browser was sent back to, with its code and state. */
  callbackUrl?: string;
}

const AUTHORIZE_LINK = /href="([^"]*\/oauth\/v2\/authorize[^"]*)"/;

function unescapeHtml(text: string): string {
  return text
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

/** The cookies a response sets, as a `Cookie` header sends them back. */
function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

/**
 * A person's browser going through "Add to Slack": the app's install page (its redirect, or the first link
 * to the authorize page on it), the authorize page for `teamId`, then back to the app with the code, the
 * state and the cookies the app set, as a browser sends them.
 */
export async function installApp(input: InstallAppInput): Promise<InstallAppResult> {
  const start = await fetch(input.installUrl, { redirect: "manual" });
  const cookies = cookiesOf(start);
  const page = start.status >= 300 && start.status < 400 ? "" : await start.text();
  const link = start.headers.get("location") ?? unescapeHtml(AUTHORIZE_LINK.exec(page)?.[1] ?? "");
  if (!link) return { status: start.status, body: page };
  const authorizeUrl = new URL(link, input.installUrl);
  authorizeUrl.searchParams.set("team", input.teamId);
  if (input.user) authorizeUrl.searchParams.set("user", input.user);
  const approved = await fetch(authorizeUrl, { redirect: "manual" });
  const callbackUrl = approved.headers.get("location");
  if (!callbackUrl) return { status: approved.status, body: await approved.text() };
  const sameApp = new URL(callbackUrl).origin === new URL(input.installUrl).origin;
  const callback = await fetch(callbackUrl, {
    redirect: "manual",
    headers: sameApp && cookies ? { cookie: cookies } : {},
  });
  const location = callback.headers.get("location");
  return {
    status: callback.status,
    body: await callback.text(),
    callbackUrl,
    ...(location ? { location } : {}),
  };
}
