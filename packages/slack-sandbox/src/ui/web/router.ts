import type { Route } from "./page.js";

/**
 * Routes live in the URL hash (`#/c/C123`, `#/c/C123/t/1700000000.000100`, `#/app/home`), so the back
 * button, reloads and shared links land where the person was.
 */
export function parseRoute(hash: string): Route | undefined {
  const parts = hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent);
  const [kind, id, marker, ts] = parts;
  if (kind === "c" && id)
    return { view: "channel", channel: id, ...(marker === "t" && ts ? { thread: ts } : {}) };
  if (kind === "app" && (id === "home" || id === "messages")) {
    return { view: "app", tab: id, ...(marker === "t" && ts ? { thread: ts } : {}) };
  }
  return undefined;
}

export function formatRoute(route: Route): string {
  const thread = route.thread ? `/t/${encodeURIComponent(route.thread)}` : "";
  return route.view === "channel"
    ? `#/c/${encodeURIComponent(route.channel)}${thread}`
    : `#/app/${route.tab}${thread}`;
}
