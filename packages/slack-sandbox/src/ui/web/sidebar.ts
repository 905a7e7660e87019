import type { UiChannel } from "../../protocol.js";
import { appMark, avatar } from "./avatar.js";
import { h } from "./dom.js";
import { icon } from "./icons.js";
import type { Page } from "./page.js";
import { formatRoute } from "./router.js";

function item(href: string, current: boolean, unread: number, ...content: (Element | string)[]): HTMLElement {
  return h(
    "li",
    {},
    h(
      "a",
      {
        class: `sidebar-item${unread > 0 ? " sidebar-item--unread" : ""}`,
        attrs: { href, "aria-current": current ? "page" : undefined },
      },
      ...content,
      unread > 0
        ? h("span", { class: "unread-badge", attrs: { "aria-label": `${unread} new` } }, String(unread))
        : "",
    ),
  );
}

function channelItem(channel: UiChannel, page: Page, unread: number): HTMLElement {
  const route = page.route();
  const current = route.view === "channel" && route.channel === channel.id;
  return item(
    formatRoute({ view: "channel", channel: channel.id }),
    current,
    unread,
    icon(channel.kind === "private" ? "lock" : "hash", "icon icon--small"),
    h("span", { class: "sidebar-label" }, channel.name),
  );
}

/** The workspace's left column: the channels the person is in, the app, and who they are. */
export function renderSidebar(page: Page, unread: ReadonlyMap<string, number>): HTMLElement {
  const { state } = page;
  const snapshot = state.snapshot;
  const channels = [...state.channels.values()]
    .filter((channel) => channel.kind !== "im" && channel.isMember)
    .sort((a, b) => a.name.localeCompare(b.name));
  const route = page.route();
  const botDm = snapshot?.botDm ?? "";
  const me = snapshot?.me;
  return h(
    "nav",
    { class: "sidebar", attrs: { "aria-label": "Workspace" } },
    h(
      "div",
      { class: "sidebar-header" },
      h("h2", { class: "sidebar-team" }, snapshot?.team.name ?? "Workspace"),
      h("span", { class: "sidebar-team-note" }, "Local sandbox"),
    ),
    h(
      "div",
      { class: "sidebar-section" },
      h("h3", { class: "sidebar-heading", id: "sidebar-channels" }, "Channels"),
      h(
        "ul",
        { class: "sidebar-list", attrs: { "aria-labelledby": "sidebar-channels" } },
        channels.map((channel) => channelItem(channel, page, unread.get(channel.id) ?? 0)),
      ),
    ),
    h(
      "div",
      { class: "sidebar-section" },
      h("h3", { class: "sidebar-heading", id: "sidebar-apps" }, "Apps"),
      h(
        "ul",
        { class: "sidebar-list", attrs: { "aria-labelledby": "sidebar-apps" } },
        item(
          formatRoute({ view: "app", tab: route.view === "app" ? route.tab : "home" }),
          route.view === "app",
          unread.get(botDm) ?? 0,
          appMark("avatar avatar--sidebar"),
          h("span", { class: "sidebar-label" }, snapshot?.bot.name ?? "app"),
        ),
      ),
    ),
    me
      ? h(
          "div",
          { class: "sidebar-footer" },
          avatar(me.id, me.realName || me.name, false, "small"),
          h(
            "span",
            { class: "sidebar-me" },
            h("span", { class: "sidebar-me-name" }, me.realName || me.name),
            h("span", { class: "sidebar-me-note" }, "You"),
          ),
        )
      : null,
  );
}
