import { h } from "./dom.js";
import { dayKey, dayLabel } from "./format.js";
import { type KeyedItem, reconcile } from "./keyed-list.js";
import { renderMessage } from "./message-item.js";
import type { Page } from "./page.js";
import type { TimelineEntry } from "./workspace-state.js";

/** Messages by the same person within this many seconds are drawn as one group. */
const GROUP_SECONDS = 5 * 60;
/** Within this many pixels of the bottom, the list follows new messages. */
const PIN_SLACK_PX = 80;

function authorOf(entry: TimelineEntry): string {
  return entry.kind === "ephemeral" ? "ephemeral" : entry.message.user;
}

function startsGroup(entry: TimelineEntry, previous: TimelineEntry | undefined): boolean {
  if (!previous || previous.kind !== entry.kind || authorOf(previous) !== authorOf(entry)) return true;
  if (entry.kind === "message" && (entry.message.subtype === "channel_join" || previous.kind !== "message"))
    return true;
  if (previous.kind === "message" && previous.message.subtype === "channel_join") return true;
  if (dayKey(previous.ts) !== dayKey(entry.ts)) return true;
  return Number(entry.ts) - Number(previous.ts) > GROUP_SECONDS;
}

/**
 * A scrolling list of messages with day dividers. It stays at the bottom while the person is there (new
 * messages and late-loading images keep it pinned) and leaves them alone when they scrolled up to read.
 */
export class MessageList {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private pinned = true;

  constructor(
    label: string,
    private readonly page: Page,
    private readonly inThread: boolean,
    header?: HTMLElement,
  ) {
    this.list = h("div", { class: "message-list", attrs: { role: "list", "aria-label": label } });
    this.element = h(
      "div",
      { class: "message-scroller", attrs: { tabindex: -1 } },
      header ?? null,
      this.list,
    );
    this.element.addEventListener("scroll", () => {
      const { scrollHeight, scrollTop, clientHeight } = this.element;
      this.pinned = scrollHeight - scrollTop - clientHeight < PIN_SLACK_PX;
    });
    new ResizeObserver(() => this.followBottom()).observe(this.list);
  }

  private followBottom(): void {
    if (this.pinned) this.element.scrollTop = this.element.scrollHeight;
  }

  scrollToBottom(): void {
    this.pinned = true;
    this.followBottom();
  }

  update(entries: readonly TimelineEntry[]): void {
    const items: KeyedItem[] = [];
    let previous: TimelineEntry | undefined;
    for (const entry of entries) {
      // In a thread the parent above already dates the conversation: only a new day gets a divider.
      const newDay = previous ? dayKey(previous.ts) !== dayKey(entry.ts) : !this.inThread;
      if (newDay) {
        const label = dayLabel(entry.ts);
        items.push({
          key: `day:${dayKey(entry.ts)}`,
          version: label,
          render: () =>
            h(
              "div",
              { class: "day-divider", attrs: { role: "separator", "aria-label": label } },
              h("span", { class: "day-divider-label" }, label),
            ),
        });
      }
      const compact = !startsGroup(entry, previous);
      const thread =
        !this.inThread && entry.kind === "message"
          ? this.page.state.threadSummary(entry.message.channel, entry.ts)
          : undefined;
      const status =
        entry.kind === "message" ? this.page.state.status(entry.message.channel, entry.ts) : undefined;
      items.push({
        key: entry.key,
        version: `${entry.rev}:${compact}:${thread?.count ?? 0}:${thread?.lastTs ?? ""}:${status ?? ""}`,
        render: () => renderMessage({ entry, compact, inThread: this.inThread, page: this.page }),
      });
      previous = entry;
    }
    reconcile(this.list, items);
    this.followBottom();
  }
}
