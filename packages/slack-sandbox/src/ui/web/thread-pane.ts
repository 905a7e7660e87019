import { promptChips, statusLine } from "./assistant-hints.js";
import { Composer } from "./composer.js";
import { h } from "./dom.js";
import { enableDrop } from "./drop-zone.js";
import { icon } from "./icons.js";
import { renderMessage } from "./message-item.js";
import { MessageList } from "./message-list.js";
import type { Page } from "./page.js";

/** The side pane with one thread: its parent, the replies, the app's status, and a reply box. */
export class ThreadPane {
  readonly element: HTMLElement;
  readonly composer: Composer;
  private readonly list: MessageList;
  private readonly footer: HTMLElement;
  private readonly parent: HTMLElement;
  private readonly divider: HTMLElement;
  private parentRev = -1;

  constructor(
    private readonly page: Page,
    readonly channel: string,
    readonly threadTs: string,
  ) {
    const info = page.state.channels.get(channel);
    const where =
      info?.kind === "im" ? (page.state.snapshot?.bot.name ?? "app") : `#${info?.name ?? channel}`;
    this.parent = h("div", {
      class: "thread-parent",
      attrs: { role: "list", "aria-label": "Original message" },
    });
    this.divider = h("div", { class: "thread-divider", attrs: { role: "separator" } });
    this.list = new MessageList("Replies", page, true, h("div", {}, this.parent, this.divider));
    this.composer = new Composer({ page, channel, threadTs, placeholder: "Reply…" });
    this.footer = h("div", { class: "conversation-footer" });
    this.element = h(
      "aside",
      { class: "thread-pane", attrs: { "aria-label": "Thread" } },
      h(
        "header",
        { class: "pane-header" },
        h(
          "div",
          { class: "pane-heading" },
          h("h2", { class: "pane-title" }, "Thread"),
          h("p", { class: "pane-topic" }, where),
        ),
        h(
          "button",
          {
            class: "icon-button",
            attrs: { type: "button", "aria-label": "Close thread", title: "Close thread (Esc)" },
            on: { click: () => page.closeThread() },
          },
          icon("close"),
        ),
      ),
      h("div", { class: "conversation" }, this.list.element, this.footer, this.composer.element),
    );
    this.element.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !event.defaultPrevented) page.closeThread();
    });
    enableDrop(this.element, "Upload to this thread", (file) => this.composer.attach({ kind: "file", file }));
    this.update();
    requestAnimationFrame(() => this.list.scrollToBottom());
  }

  update(): void {
    const { state } = this.page;
    const parent = state.entry(this.channel, this.threadTs);
    if ((parent?.rev ?? 0) !== this.parentRev) {
      this.parentRev = parent?.rev ?? 0;
      this.parent.replaceChildren(
        parent
          ? renderMessage({ entry: parent, compact: false, inThread: true, page: this.page })
          : h("p", { class: "thread-missing" }, "This message was deleted."),
      );
    }
    const replies = state.replies(this.channel, this.threadTs);
    const count = replies.filter((entry) => entry.kind === "message").length;
    this.divider.replaceChildren(h("span", {}, count === 1 ? "1 reply" : `${count} replies`));
    this.divider.hidden = count === 0;
    this.list.update(replies);
    this.element.setAttribute("aria-label", `Thread, ${count} ${count === 1 ? "reply" : "replies"}`);
    this.footer.replaceChildren(
      statusLine(this.page, this.channel, this.threadTs),
      promptChips(this.page, this.channel, this.threadTs) ?? "",
    );
  }

  focus(): void {
    this.composer.focus();
  }
}
