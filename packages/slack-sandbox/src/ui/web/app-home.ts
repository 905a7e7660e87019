import { renderBlocks } from "./blocks.js";
import { h } from "./dom.js";
import type { Page } from "./page.js";

/** The app's Home tab: the view it published with `views.publish` for this person. */
export function renderHome(page: Page): HTMLElement {
  const view = page.state.home;
  const name = page.state.snapshot?.bot.name ?? "The app";
  if (!view) {
    return h(
      "div",
      { class: "home home--empty", attrs: { "aria-busy": "true" } },
      h("p", {}, `Waiting for ${name} to publish its Home tab…`),
      h("p", { class: "home-hint" }, "Slack sent app_home_opened; the app answers with views.publish."),
    );
  }
  return h("div", { class: "home" }, renderBlocks(view.blocks, page.renderContext("home")));
}
