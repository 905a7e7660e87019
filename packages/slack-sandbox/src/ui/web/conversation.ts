import type { UiChannel } from "../../protocol.js";
import { promptChips, statusLine } from "./assistant-hints.js";
import { channelIntro } from "./channel-intro.js";
import { Composer } from "./composer.js";
import { h } from "./dom.js";
import { enableDrop } from "./drop-zone.js";
import { MessageList } from "./message-list.js";
import type { Page } from "./page.js";

/** A channel's (or the app DM's) messages with its composer: the body of the main pane. */
export class Conversation {
  readonly element: HTMLElement;
  readonly composer: Composer;
  private readonly list: MessageList;
  private readonly footer: HTMLElement;

  constructor(
    private readonly page: Page,
    private readonly channel: UiChannel,
  ) {
    const where = channel.kind === "im" ? (page.state.snapshot?.bot.name ?? "the app") : `#${channel.name}`;
    this.list = new MessageList(`Messages in ${where}`, page, false, channelIntro(channel, page));
    this.composer = new Composer({
      page,
      channel: channel.id,
      placeholder: `Message ${where}`,
      id: "composer-input",
    });
    this.footer = h("div", { class: "conversation-footer" });
    this.element = h("div", { class: "conversation" }, this.list.element, this.footer, this.composer.element);
    enableDrop(this.element, `Upload to ${where}`, (file) => this.composer.attach({ kind: "file", file }));
    this.update();
    requestAnimationFrame(() => this.list.scrollToBottom());
  }

  update(): void {
    this.list.update(this.page.state.timeline(this.channel.id));
    this.footer.replaceChildren(
      statusLine(this.page, this.channel.id, undefined),
      promptChips(this.page, this.channel.id, undefined) ?? "",
    );
  }
}
