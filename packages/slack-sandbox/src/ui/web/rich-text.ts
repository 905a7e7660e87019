import { type Child, externalLink, h, safeHref } from "./dom.js";
import { emojiFor } from "./emoji.js";
import { formatSlackDate } from "./inline-text.js";
import type { RenderContext } from "./render-context.js";

/**
 * `rich_text` blocks: what Slack's clients send for typed messages, and what apps may post. Text in them
 * is not escaped, and styles are flags on each element rather than markers in the text.
 */
interface Style {
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  code?: boolean;
}

interface Element {
  type?: string;
  text?: string;
  url?: string;
  user_id?: string;
  channel_id?: string;
  usergroup_id?: string;
  range?: string;
  name?: string;
  unicode?: string;
  timestamp?: number;
  format?: string;
  fallback?: string;
  value?: string;
  style?: Style | string;
  indent?: number;
  offset?: number;
  border?: number;
  elements?: Element[];
}

function styled(content: Child, style: Style | string | undefined): Child {
  if (!style || typeof style === "string") return content;
  let node: Child = content;
  if (style.code) node = h("code", {}, node);
  if (style.strike) node = h("s", {}, node);
  if (style.italic) node = h("em", {}, node);
  if (style.bold) node = h("strong", {}, node);
  return node;
}

function emoji(element: Element): string {
  if (element.unicode) {
    const points = element.unicode.split("-").map((hex) => Number.parseInt(hex, 16));
    if (points.every(Number.isFinite)) return String.fromCodePoint(...points);
  }
  return emojiFor(element.name ?? "") ?? `:${element.name ?? ""}:`;
}

function inline(element: Element, context: RenderContext): Child {
  switch (element.type) {
    case "text":
      return styled(element.text ?? "", element.style);
    case "link": {
      const href = safeHref(element.url ?? "");
      const label = element.text || element.url || "";
      return styled(href ? externalLink(href, label) : label, element.style);
    }
    case "user":
      return h(
        "span",
        { class: element.user_id === context.me ? "mention mention--me" : "mention" },
        `@${context.userName(element.user_id ?? "")}`,
      );
    case "usergroup":
      return h("span", { class: "mention" }, `@${element.usergroup_id ?? "group"}`);
    case "broadcast":
      return h("span", { class: "mention mention--me" }, `@${element.range ?? "here"}`);
    case "channel": {
      const id = element.channel_id ?? "";
      return h(
        "button",
        { class: "channel-link", attrs: { type: "button" }, on: { click: () => context.openChannel(id) } },
        `#${context.channelName(id) ?? id}`,
      );
    }
    case "emoji":
      return emoji(element);
    case "date":
      return element.timestamp !== undefined && element.format
        ? formatSlackDate(element.timestamp, element.format)
        : (element.fallback ?? "");
    case "color":
      return element.value ?? "";
    default:
      return element.text ?? "";
  }
}

function inlines(elements: Element[] | undefined, context: RenderContext): Child[] {
  return (elements ?? []).map((element) => inline(element, context));
}

function section(element: Element, context: RenderContext): HTMLElement {
  switch (element.type) {
    case "rich_text_preformatted":
      return h("pre", { class: "md-pre" }, inlines(element.elements, context));
    case "rich_text_quote":
      return h("blockquote", { class: "md-quote" }, inlines(element.elements, context));
    case "rich_text_list": {
      const items = (element.elements ?? []).map((item) => h("li", {}, inlines(item.elements, context)));
      const className = `md-list md-list--indent-${Math.min(element.indent ?? 0, 6)}`;
      return element.style === "ordered"
        ? h("ol", { class: className, attrs: { start: (element.offset ?? 0) + 1 } }, items)
        : h("ul", { class: className }, items);
    }
    default:
      return h("p", { class: "md-line rich-text-section" }, inlines(element.elements, context));
  }
}

export function renderRichText(block: { elements?: Element[] }, context: RenderContext): HTMLElement {
  return h(
    "div",
    { class: "mrkdwn rich-text" },
    (block.elements ?? []).map((element) => section(element, context)),
  );
}
