import { appMark } from "./avatar.js";
import { h } from "./dom.js";
import { icon } from "./icons.js";
import { openLiveDataDialog } from "./live-data-dialog.js";
import type { Page } from "./page.js";

export interface Topbar {
  element: HTMLElement;
  setConnected(connected: boolean): void;
}

/** The strip above the workspace: what this is, whether it is live, and the live-data control. */
export function topbar(page: Page): Topbar {
  const botName = page.state.snapshot?.bot.name ?? "app";
  const connection = h("span", { class: "connection connection--live", attrs: { role: "status" } });
  const setConnected = (connected: boolean) => {
    connection.className = connected ? "connection connection--live" : "connection connection--lost";
    connection.textContent = connected ? "Live" : "Reconnecting…";
  };
  setConnected(true);
  // Shown on narrow screens only, where the sidebar folds away as Slack's does on a phone.
  const menu = h(
    "button",
    {
      class: "icon-button topbar-menu",
      attrs: { type: "button", "aria-label": "Channels", "aria-expanded": "false" },
      on: { click: () => page.toggleSidebar() },
    },
    icon("menu"),
  );
  const element = h(
    "header",
    { class: "topbar" },
    menu,
    h(
      "div",
      { class: "topbar-brand" },
      appMark("avatar avatar--topbar"),
      h("span", { class: "topbar-product" }, botName),
      h("span", { class: "topbar-divider", attrs: { "aria-hidden": "true" } }),
      h("span", { class: "topbar-context" }, "Slack sandbox"),
    ),
    h(
      "p",
      { class: "topbar-note" },
      icon("shield", "icon icon--small"),
      "Runs on this machine: a local Slack emulator and the real app. No workspace or API keys needed.",
    ),
    h(
      "div",
      { class: "topbar-actions" },
      connection,
      h(
        "button",
        {
          class: "button button--topbar",
          attrs: { type: "button", "aria-label": "Simulate live data" },
          on: { click: () => openLiveDataDialog(page) },
        },
        icon("pulse", "icon icon--small"),
        h("span", { class: "button-label" }, "Simulate live data"),
      ),
    ),
  );
  return { element, setConnected };
}
