import type { UiChannel } from "../../protocol.js";
import { Conversation } from "./conversation.js";
import { h } from "./dom.js";
import { icon } from "./icons.js";
import type { Page } from "./page.js";

/** The main pane for a channel: its name and topic, then the conversation. */
export class ChannelPane {
  readonly element: HTMLElement;
  readonly conversation: Conversation;
  private readonly members: HTMLElement;

  constructor(
    private readonly page: Page,
    private readonly channel: UiChannel,
  ) {
    this.conversation = new Conversation(page, channel);
    this.members = h("span", { class: "pane-members" });
    this.element = h(
      "main",
      { class: "pane", attrs: { "aria-label": `#${channel.name}` } },
      h(
        "header",
        { class: "pane-header" },
        h(
          "div",
          { class: "pane-heading" },
          h(
            "h1",
            { class: "pane-title" },
            icon(channel.kind === "private" ? "lock" : "hash", "icon icon--title"),
            channel.name,
          ),
          channel.topic ? h("p", { class: "pane-topic" }, channel.topic) : null,
        ),
        this.members,
      ),
      this.conversation.element,
    );
    this.update();
  }

  update(): void {
    const current = this.page.state.channels.get(this.channel.id) ?? this.channel;
    const label = `${current.memberCount} member${current.memberCount === 1 ? "" : "s"}`;
    this.members.replaceChildren(
      icon("users", "icon icon--small"),
      h("span", { attrs: { "aria-label": label } }, String(current.memberCount)),
    );
    this.members.title = label;
    this.conversation.update();
  }

  focus(): void {
    this.conversation.composer.focus();
  }
}
