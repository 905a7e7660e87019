import { type BlockElement, imageElement, imageSource, renderElement } from "./block-elements.js";
import { externalLink, h, safeHref } from "./dom.js";
import { renderMarkdown } from "./markdown.js";
import type { RenderContext } from "./render-context.js";
import { renderRichText } from "./rich-text.js";
import { plainText, renderText, type TextObject } from "./text-object.js";

/** Block Kit layout blocks, laid out as Slack lays them out. */
interface Block {
  type?: string;
  block_id?: string;
  text?: TextObject | string;
  fields?: TextObject[];
  accessory?: BlockElement;
  elements?: (BlockElement & TextObject)[];
  image_url?: string;
  slack_file?: { id?: string; url?: string };
  alt_text?: string;
  title?: TextObject;
  label?: TextObject;
  hint?: TextObject;
  rows?: TableCell[][];
  column_settings?: ({ align?: "left" | "center" | "right"; is_wrapped?: boolean } | null)[];
  title_url?: string;
  external_id?: string;
  source?: string;
}

interface TableCell {
  type?: string;
  text?: string;
  elements?: unknown[];
}

function section(block: Block, context: RenderContext): HTMLElement {
  const text =
    typeof block.text === "object" ? renderText(block.text, context, "mrkdwn bk-section-text") : null;
  const fields = block.fields?.length
    ? h(
        "div",
        { class: "bk-fields" },
        block.fields.map((field) => renderText(field, context, "mrkdwn bk-field")),
      )
    : null;
  const accessory = block.accessory
    ? h("div", { class: "bk-accessory" }, renderElement(block.accessory, block.block_id, context))
    : null;
  return h(
    "div",
    { class: "bk-block bk-section" },
    h("div", { class: "bk-section-main" }, text, fields),
    accessory,
  );
}

function image(block: Block, context: RenderContext): HTMLElement {
  const src = imageSource(block, context);
  const title = plainText(block.title);
  const alt = block.alt_text ?? title;
  const picture = src
    ? h(
        "button",
        {
          class: "bk-image-button",
          attrs: { type: "button", "aria-label": `Open image: ${alt || "image"}` },
          on: { click: () => context.openImage(src, alt) },
        },
        h("img", { class: "bk-image", attrs: { src, alt, loading: "lazy" } }),
      )
    : h("div", { class: "bk-image-missing" }, alt || "Image unavailable");
  return h(
    "figure",
    { class: "bk-block bk-image-block" },
    title ? h("figcaption", { class: "bk-image-title" }, title) : null,
    picture,
  );
}

function contextBlock(block: Block, context: RenderContext): HTMLElement {
  return h(
    "div",
    { class: "bk-block bk-context" },
    (block.elements ?? []).map((element) =>
      element.type === "image"
        ? imageElement(element, context, "bk-context-image")
        : renderText(element, context, "mrkdwn bk-context-text"),
    ),
  );
}

function tableCell(cell: TableCell, context: RenderContext): HTMLElement | string {
  if (cell.type === "rich_text") return renderRichText({ elements: cell.elements as never }, context);
  return cell.text ?? "";
}

function table(block: Block, context: RenderContext): HTMLElement {
  const [head, ...body] = block.rows ?? [];
  const align = (index: number) => block.column_settings?.[index]?.align ?? "left";
  const row = (cells: TableCell[], tag: "th" | "td") =>
    h(
      "tr",
      {},
      cells.map((cell, index) =>
        h(
          tag,
          { class: `bk-align-${align(index)}`, attrs: tag === "th" ? { scope: "col" } : {} },
          tableCell(cell, context),
        ),
      ),
    );
  return h(
    "div",
    { class: "bk-block bk-table-wrap" },
    h(
      "table",
      { class: "bk-table" },
      head ? h("thead", {}, row(head, "th")) : null,
      h(
        "tbody",
        {},
        body.map((cells) => row(cells, "td")),
      ),
    ),
  );
}

function link(block: Block): HTMLElement {
  const href = safeHref(block.title_url ?? "");
  const title = plainText(block.title) || block.title_url || "Open";
  return h("div", { class: "bk-block bk-link" }, href ? externalLink(href, title) : title);
}

function block(raw: Block, context: RenderContext): HTMLElement {
  switch (raw.type) {
    case "section":
      return section(raw, context);
    case "header":
      return h("h3", { class: "bk-block bk-header" }, plainText(raw.text as TextObject));
    case "divider":
      return h("hr", { class: "bk-block bk-divider" });
    case "context":
      return contextBlock(raw, context);
    case "image":
      return image(raw, context);
    case "actions":
      return h(
        "div",
        { class: "bk-block bk-actions" },
        (raw.elements ?? []).map((element) => renderElement(element, raw.block_id, context)),
      );
    case "rich_text":
      return h("div", { class: "bk-block" }, renderRichText(raw as never, context));
    case "markdown":
      return h(
        "div",
        { class: "bk-block" },
        renderMarkdown(typeof raw.text === "string" ? raw.text : "", context),
      );
    case "table":
      return table(raw, context);
    case "video":
      return link(raw);
    case "file":
      return h("div", { class: "bk-block bk-unsupported" }, "A remote file is attached to this message.");
    case "input":
      return h(
        "div",
        { class: "bk-block bk-input-block" },
        h("div", { class: "bk-input-label" }, plainText(raw.label)),
        raw.hint ? h("div", { class: "bk-context-text" }, plainText(raw.hint)) : null,
      );
    default:
      return h(
        "div",
        { class: "bk-block bk-unsupported" },
        `This ${raw.type ?? "unknown"} block is not shown in the sandbox.`,
      );
  }
}

export function renderBlocks(blocks: readonly unknown[], context: RenderContext): HTMLElement {
  return h(
    "div",
    { class: "bk-blocks" },
    blocks.map((raw) => block(raw as Block, context)),
  );
}
