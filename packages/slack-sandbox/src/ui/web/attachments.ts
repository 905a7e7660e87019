import { renderBlocks } from "./blocks.js";
import { externalLink, h, safeHref } from "./dom.js";
import { renderMrkdwn } from "./mrkdwn.js";
import type { RenderContext } from "./render-context.js";

/** Legacy message attachments: a coloured bar with pretext, title, text, fields, image and footer. */
interface Attachment {
  color?: string;
  pretext?: string;
  author_name?: string;
  title?: string;
  title_link?: string;
  text?: string;
  fallback?: string;
  fields?: { title?: string; value?: string; short?: boolean }[];
  image_url?: string;
  footer?: string;
  blocks?: unknown[];
}

const NAMED_COLORS: Record<string, string> = { good: "#2EB67D", warning: "#ECB22E", danger: "#E01E5A" };

function barColor(color: string | undefined): string {
  if (!color) return "#DDDDDD";
  const named = NAMED_COLORS[color];
  if (named) return named;
  const hex = color.startsWith("#") ? color : `#${color}`;
  return /^#[0-9a-f]{3,8}$/i.test(hex) ? hex : "#DDDDDD";
}

function attachment(item: Attachment, context: RenderContext): HTMLElement {
  const href = item.title_link ? safeHref(item.title_link) : undefined;
  const image = item.image_url ? safeHref(item.image_url) : undefined;
  const body = h(
    "div",
    { class: "attachment-body" },
    item.author_name ? h("div", { class: "attachment-author" }, item.author_name) : null,
    item.title
      ? h("div", { class: "attachment-title" }, href ? externalLink(href, item.title) : item.title)
      : null,
    item.text ? renderMrkdwn(item.text, context) : null,
    item.fields?.length
      ? h(
          "div",
          { class: "bk-fields" },
          item.fields.map((field) =>
            h(
              "div",
              { class: field.short ? "bk-field" : "bk-field bk-field--wide" },
              h("strong", {}, field.title ?? ""),
              renderMrkdwn(field.value ?? "", context),
            ),
          ),
        )
      : null,
    item.blocks?.length ? renderBlocks(item.blocks, context) : null,
    image ? h("img", { class: "attachment-image", attrs: { src: image, alt: item.title ?? "" } }) : null,
    item.footer ? h("div", { class: "bk-context-text" }, item.footer) : null,
    !item.title && !item.text && !item.fields?.length && !item.blocks?.length && item.fallback
      ? renderMrkdwn(item.fallback, context)
      : null,
  );
  const wrap = h("div", { class: "attachment" }, h("span", { class: "attachment-bar" }), body);
  (wrap.firstElementChild as HTMLElement).style.backgroundColor = barColor(item.color);
  return h("div", {}, item.pretext ? renderMrkdwn(item.pretext, context) : null, wrap);
}

export function renderAttachments(
  attachments: readonly unknown[] | undefined,
  context: RenderContext,
): HTMLElement | null {
  if (!attachments?.length) return null;
  return h(
    "div",
    { class: "msg-attachments" },
    attachments.map((item) => attachment(item as Attachment, context)),
  );
}
