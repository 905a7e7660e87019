import { append, type Child, h } from "./dom.js";
import { inlineMrkdwn, unescapeSlack } from "./inline-text.js";
import type { RenderContext } from "./render-context.js";

/**
 * Slack mrkdwn as blocks of lines: ```preformatted``` spans, > quotes, bulleted and numbered lines shown
 * as lists with a hanging indent, and every other line kept as written (newlines are line breaks).
 */
const BULLET = /^(\s*)(?:[•◦▪▫‣-]|\*(?=\s))\s+(.*)$/;
const NUMBERED = /^(\s*)(\d{1,3})[.)]\s+(.*)$/;
const QUOTE = /^(?:&gt;|>)\s?(.*)$/;

interface ListItem {
  depth: number;
  ordered: boolean;
  start: number;
  text: string;
}

function listItem(line: string): ListItem | undefined {
  const bullet = BULLET.exec(line);
  if (bullet)
    return {
      depth: Math.floor((bullet[1] ?? "").length / 2),
      ordered: false,
      start: 1,
      text: bullet[2] ?? "",
    };
  const numbered = NUMBERED.exec(line);
  if (numbered) {
    return {
      depth: Math.floor((numbered[1] ?? "").length / 2),
      ordered: true,
      start: Number(numbered[2]),
      text: numbered[3] ?? "",
    };
  }
  return undefined;
}

/** Consecutive list lines as nested lists: deeper indentation opens a list inside the previous item. */
function renderList(items: ListItem[], context: RenderContext): HTMLElement {
  const first = items[0] as ListItem;
  const root = first.ordered
    ? h("ol", { class: "md-list", attrs: { start: first.start } })
    : h("ul", { class: "md-list" });
  const stack: { depth: number; list: HTMLElement }[] = [{ depth: first.depth, list: root }];
  for (const item of items) {
    let top = stack[stack.length - 1] as { depth: number; list: HTMLElement };
    while (item.depth < top.depth && stack.length > 1) {
      stack.pop();
      top = stack[stack.length - 1] as { depth: number; list: HTMLElement };
    }
    if (item.depth > top.depth) {
      const nested = item.ordered ? h("ol", { class: "md-list" }) : h("ul", { class: "md-list" });
      (top.list.lastElementChild ?? top.list).appendChild(nested);
      stack.push({ depth: item.depth, list: nested });
      top = { depth: item.depth, list: nested };
    }
    top.list.appendChild(h("li", {}, inlineMrkdwn(item.text, context)));
  }
  return root;
}

function renderLines(lines: string[], context: RenderContext): Child[] {
  const out: Child[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] as string;
    if (QUOTE.test(line)) {
      const quoted: string[] = [];
      while (index < lines.length && QUOTE.test(lines[index] as string)) {
        quoted.push(QUOTE.exec(lines[index] as string)?.[1] ?? "");
        index += 1;
      }
      out.push(h("blockquote", { class: "md-quote" }, renderLines(quoted, context)));
    } else if (listItem(line)) {
      const items: ListItem[] = [];
      for (let item = listItem(line); item && index < lines.length; item = listItem(lines[index] ?? "")) {
        items.push(item);
        index += 1;
      }
      out.push(renderList(items, context));
    } else {
      const paragraph: Child[] = [];
      while (
        index < lines.length &&
        !QUOTE.test(lines[index] as string) &&
        !listItem(lines[index] as string)
      ) {
        if (paragraph.length > 0) paragraph.push(h("br"));
        paragraph.push(inlineMrkdwn(lines[index] as string, context));
        index += 1;
      }
      out.push(h("p", { class: "md-line" }, paragraph));
    }
  }
  return out;
}

export function renderMrkdwn(text: string, context: RenderContext, className = "mrkdwn"): HTMLElement {
  const root = h("div", { class: className });
  const parts = text.split("```");
  parts.forEach((part, index) => {
    const fenced = index % 2 === 1 && index < parts.length - 1;
    if (fenced) {
      root.appendChild(
        h("pre", { class: "md-pre" }, unescapeSlack(part.replace(/^\n/, "").replace(/\n$/, ""))),
      );
      return;
    }
    // Text left of a fence that an unmatched ``` opened is shown as written.
    const text = index % 2 === 1 ? `\`\`\`${part}` : part;
    const trimmed = text.replace(/^\n/, "").replace(/\n$/, "");
    if (trimmed !== "") append(root, renderLines(trimmed.split("\n"), context));
  });
  return root;
}
