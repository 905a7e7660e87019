import { renderMrkdwn } from "./mrkdwn.js";
import type { RenderContext } from "./render-context.js";

/**
 * Standard Markdown (Block Kit `markdown` blocks, streamed answers) shown through the mrkdwn renderer:
 * the two differ in markers, not in what they can say. Tables keep their columns in a monospace block.
 * As in CommonMark, a backslash-escaped punctuation character and an entity (`&lt;`) are text, never markup:
 * they travel as private-use characters past the converter and the renderer, and are put back at the end.
 */
const LITERAL_BASE = 0xe000;
const ESCAPED = /\\([!-/:-@[-`{-~])/g;
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#[xX]([\da-fA-F]{1,6}));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const LITERALS = /[\uE000-\uE07F]/g;

function literal(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 && !/[\w\s]/.test(char) ? String.fromCharCode(LITERAL_BASE + code) : char;
}

function protectLiterals(line: string): string {
  return line
    .replace(ESCAPED, (_, char: string) => literal(char))
    .replace(ENTITY, (_, name?: string, decimal?: string, hex?: string) => {
      const code = name
        ? (NAMED[name]?.codePointAt(0) ?? 0)
        : Number.parseInt(decimal ?? hex ?? "", decimal ? 10 : 16);
      return code > 0 && code <= 0x10ffff ? literal(String.fromCodePoint(code)) : "\uFFFD";
    });
}

function restoreLiterals(root: Node): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? "";
    if (LITERALS.test(text))
      node.nodeValue = text.replace(LITERALS, (char) =>
        String.fromCharCode((char.codePointAt(0) ?? 0) - LITERAL_BASE),
      );
    LITERALS.lastIndex = 0;
  }
}

function convertLine(line: string): string {
  const heading = /^#{1,6}\s+(.*)$/.exec(line);
  const body = heading ? (heading[1] ?? "") : line;
  const converted = body
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, "<$2|$1>")
    .replace(/(?<![*\w])\*(?!\*)(?=\S)(.+?)(?<=\S)\*(?![*\w])/g, "_$1_")
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, "*$1*")
    .replace(/__(?=\S)(.+?)(?<=\S)__/g, "*$1*")
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, "~$1~");
  return heading ? `*${converted.replace(/^\*(.*)\*$/, "$1")}*` : converted;
}

export function markdownToMrkdwn(markdown: string): string {
  let fenced = false;
  const protectedText = markdown
    .split("\n")
    .map((line) => {
      const fence = line.trimStart().startsWith("```");
      const inside = fenced || fence;
      if (fence) fenced = !fenced;
      return inside ? line : protectLiterals(line);
    })
    .join("\n");
  const escaped = protectedText.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
  const out: string[] = [];
  let inFence = false;
  let table: string[] = [];
  const flushTable = () => {
    if (table.length > 0) out.push("```", ...table.filter((row) => !/^\|?[\s:|-]+\|?$/.test(row)), "```");
    table = [];
  };
  for (const line of escaped.split("\n")) {
    if (line.trimStart().startsWith("```")) inFence = !inFence;
    if (!inFence && /^\s*\|.*\|\s*$/.test(line)) {
      table.push(line.trim());
      continue;
    }
    flushTable();
    // Markdown quotes arrive escaped like everything else; mrkdwn reads `&gt;` as a quote marker too.
    out.push(inFence || line.trimStart().startsWith("```") ? line : convertLine(line));
  }
  flushTable();
  return out.join("\n");
}

export function renderMarkdown(markdown: string, context: RenderContext): HTMLElement {
  const element = renderMrkdwn(markdownToMrkdwn(markdown), context, "mrkdwn markdown");
  restoreLiterals(element);
  return element;
}
