import { openHome } from "./api.js";
import { renderHome } from "./app-home.js";
import { appMark } from "./avatar.js";
import { Conversation } from "./conversation.js";
import { h, uniqueId } from "./dom.js";
import type { Page } from "./page.js";

/** The app's own page: its Home tab (published view) and its Messages tab (the DM with the bot). */
export class AppPane {
  readonly element: HTMLElement;
  private readonly panel: HTMLElement;
  private conversation: Conversation | undefined;
  /** The Home view on screen, so unrelated changes do not redraw it under the person's focus. */
  private shownHome: unknown;
  private readonly tabs: Record<"home" | "messages", HTMLButtonElement>;

  constructor(
    private readonly page: Page,
    private tab: "home" | "messages",
  ) {
    const name = page.state.snapshot?.bot.name ?? "app";
    const panelId = uniqueId("app-panel");
    const makeTab = (which: "home" | "messages", label: string) =>
      h(
        "button",
        {
          class: "tab",
          id: uniqueId(`tab-${which}`),
          attrs: { type: "button", role: "tab", "aria-controls": panelId },
          on: { click: () => page.navigate({ view: "app", tab: which }) },
        },
        label,
      );
    this.tabs = { home: makeTab("home", "Home"), messages: makeTab("messages", "Messages") };
    const tablist = h(
      "div",
      { class: "tabs", attrs: { role: "tablist", "aria-label": `${name} tabs` } },
      this.tabs.home,
      this.tabs.messages,
    );
    tablist.addEventListener("keydown", (event) => {
      if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
      const next = this.tab === "home" ? "messages" : "home";
      page.navigate({ view: "app", tab: next });
    });
    this.panel = h("div", { class: "tab-panel", id: panelId, attrs: { role: "tabpanel" } });
    this.element = h(
      "main",
      { class: "pane", attrs: { "aria-label": name } },
      h(
        "header",
        { class: "pane-header pane-header--app" },
        h(
          "div",
          { class: "pane-heading" },
          h(
            "h1",
            { class: "pane-title" },
            appMark("avatar avatar--title"),
            name,
            h("span", { class: "badge" }, "APP"),
          ),
        ),
        tablist,
      ),
      this.panel,
    );
    this.show(tab);
  }

  /** Switches tab; opening Home tells the app (`app_home_opened`), as Slack does on every visit. */
  show(tab: "home" | "messages"): void {
    this.tab = tab;
    for (const [which, button] of Object.entries(this.tabs)) {
      const selected = which === tab;
      button.setAttribute("aria-selected", String(selected));
      button.tabIndex = selected ? 0 : -1;
      if (selected) {
        this.panel.setAttribute("aria-labelledby", button.id);
        if (document.activeElement?.getAttribute("role") === "tab") button.focus();
      }
    }
    if (tab === "home") {
      this.conversation = undefined;
      this.renderHome();
      void openHome().catch(() =>
        this.page.notify("The app could not be told that Home was opened.", "error"),
      );
    } else {
      const dm = this.page.state.channels.get(this.page.state.snapshot?.botDm ?? "");
      this.conversation = dm ? new Conversation(this.page, dm) : undefined;
      this.panel.replaceChildren(
        this.conversation?.element ?? h("p", { class: "home" }, "No conversation with the app yet."),
      );
    }
  }

  get currentTab(): "home" | "messages" {
    return this.tab;
  }

  private renderHome(): void {
    this.shownHome = this.page.state.home;
    this.panel.replaceChildren(renderHome(this.page));
  }

  update(): void {
    if (this.tab === "messages") this.conversation?.update();
    else if (this.page.state.home !== this.shownHome) this.renderHome();
  }

  focus(): void {
    if (this.conversation) this.conversation.composer.focus();
    else this.tabs[this.tab].focus();
  }
}
