import type { UiEphemeral, UiMessage } from "../../protocol.js";
import { renderAttachments } from "./attachments.js";
import { avatar } from "./avatar.js";
import { renderBlocks } from "./blocks.js";
import { h, uniqueId } from "./dom.js";
import { renderFiles } from "./file-view.js";
import { clockTime, fullTime, relativeTime, tsDate } from "./format.js";
import { icon } from "./icons.js";
import { renderMarkdown } from "./markdown.js";
import { renderMrkdwn } from "./mrkdwn.js";
import type { Page } from "./page.js";
import type { TimelineEntry } from "./workspace-state.js";

export interface MessageItemOptions {
  entry: TimelineEntry;
  /** Follows a message of the same author moments earlier: no avatar or name, as in Slack. */
  compact: boolean;
  /** Shown in the thread pane: no thread summary and no "Reply in thread". */
  inThread: boolean;
  page: Page;
}

function timeElement(ts: string, className: string, text = clockTime(ts)): HTMLElement {
  return h(
    "time",
    { class: className, attrs: { datetime: tsDate(ts).toISOString(), title: fullTime(ts) } },
    text,
  );
}

function content(message: UiMessage | UiEphemeral, page: Page): HTMLElement | null {
  const context = page.renderContext({ channel: message.channel, ts: message.ts });
  const stream = "stream" in message ? message.stream : undefined;
  if (stream) {
    // A streamed message is its Markdown, with the blocks its stop added rendered under it, as in Slack.
    const body = renderMarkdown(message.text, context);
    if (stream === "in_progress")
      body.appendChild(h("span", { class: "stream-caret", attrs: { "aria-hidden": "true" } }));
    if (!message.blocks?.length) return body;
    return h("div", { class: "msg-streamed" }, body, renderBlocks(message.blocks, context));
  }
  if (message.blocks?.length) return renderBlocks(message.blocks, context);
  if (message.text) return renderMrkdwn(message.text, context);
  return null;
}

function threadSummary(message: UiMessage, page: Page): HTMLElement | null {
  const summary = page.state.threadSummary(message.channel, message.ts);
  const status = page.state.status(message.channel, message.ts);
  if (summary.count === 0 && !status) return null;
  const label = summary.count === 1 ? "1 reply" : `${summary.count} replies`;
  return h(
    "button",
    {
      class: "thread-summary",
      attrs: { type: "button", "aria-label": `${summary.count > 0 ? label : "Thread"}, open thread` },
      on: { click: () => page.openThread(message.channel, message.ts) },
    },
    h(
      "span",
      { class: "thread-summary-avatars" },
      summary.users
        .slice(0, 3)
        .map((user) => avatar(user, page.state.displayName(user), page.state.isBot(user), "small")),
    ),
    summary.count > 0 ? h("span", { class: "thread-summary-count" }, label) : null,
    status
      ? h(
          "span",
          { class: "thread-summary-status" },
          `${page.state.displayName(page.state.snapshot?.bot.userId ?? "")} ${status}`,
        )
      : summary.lastTs
        ? h("span", { class: "thread-summary-last" }, `Last reply ${relativeTime(summary.lastTs)}`)
        : null,
    h("span", { class: "thread-summary-view" }, "View thread"),
  );
}

function systemLine(message: UiMessage, page: Page): HTMLElement {
  const channel = page.state.channels.get(message.channel);
  const who = page.state.displayName(message.user);
  return h(
    "div",
    { class: "msg msg--system", attrs: { role: "listitem" } },
    h("div", { class: "msg-gutter" }, avatar(message.user, who, page.state.isBot(message.user), "small")),
    h(
      "div",
      { class: "msg-body" },
      h(
        "span",
        { class: "msg-system-text" },
        `${who} joined ${channel ? `#${channel.name}` : "the channel"}.`,
      ),
      timeElement(message.ts, "msg-time"),
    ),
  );
}

function ephemeralNote(message: UiEphemeral, page: Page): HTMLElement {
  return h(
    "div",
    { class: "msg-ephemeral-note" },
    icon("eye", "icon icon--small"),
    h("span", {}, "Only visible to you"),
    h(
      "button",
      {
        class: "link-button",
        attrs: { type: "button" },
        on: { click: () => page.state.dismiss(message.channel, message.ts) },
      },
      "Dismiss",
    ),
  );
}

/** One message, as Slack draws it: avatar, name, time, content, files, thread summary, hover actions. */
export function renderMessage({ entry, compact, inThread, page }: MessageItemOptions): HTMLElement {
  if (entry.kind === "message" && entry.message.subtype === "channel_join")
    return systemLine(entry.message, page);
  const ephemeral = entry.kind === "ephemeral";
  const authorId = ephemeral ? (page.state.snapshot?.bot.userId ?? "") : entry.message.user;
  const isBot = ephemeral || entry.message.botId !== undefined || page.state.isBot(authorId);
  const name = page.state.displayName(authorId);
  const headerId = uniqueId("msg-header");
  const message = entry.message;
  const canReply = !inThread && entry.kind === "message";

  const header = h(
    "div",
    { class: compact ? "msg-header visually-hidden" : "msg-header", id: headerId },
    h("span", { class: "msg-author" }, name),
    isBot ? h("span", { class: "badge", attrs: { title: "This is an app" } }, "APP") : null,
    timeElement(message.ts, "msg-time"),
  );
  const article = h(
    "article",
    {
      class: `msg${compact ? " msg--compact" : ""}${ephemeral ? " msg--ephemeral" : ""}`,
      attrs: { tabindex: -1, "aria-labelledby": headerId, role: "listitem" },
      dataset: { ts: message.ts },
    },
    h(
      "div",
      { class: "msg-gutter" },
      compact ? timeElement(message.ts, "msg-time msg-time--gutter") : avatar(authorId, name, isBot),
    ),
    h(
      "div",
      { class: "msg-body" },
      header,
      content(message, page),
      entry.kind === "message" && entry.message.edited
        ? h("span", { class: "msg-edited" }, "(edited)")
        : null,
      entry.kind === "message" ? renderFiles(entry.message.files, page) : null,
      entry.kind === "message"
        ? renderAttachments(
            entry.message.attachments,
            page.renderContext({ channel: message.channel, ts: message.ts }),
          )
        : null,
      ephemeral ? ephemeralNote(entry.message, page) : null,
      canReply && entry.kind === "message" ? threadSummary(entry.message, page) : null,
    ),
    canReply
      ? h(
          "div",
          { class: "msg-actions" },
          h(
            "button",
            {
              class: "icon-button",
              attrs: { type: "button", "aria-label": "Reply in thread", title: "Reply in thread" },
              on: { click: () => page.openThread(message.channel, message.ts) },
            },
            icon("thread"),
          ),
        )
      : null,
  );
  return article;
}
