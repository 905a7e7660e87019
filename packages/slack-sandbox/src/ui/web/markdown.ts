import { renderMrkdwn } from "./mrkdwn.js";
import type { RenderContext } from "./render-context.js";

/**
 * Standard Markdown (Block Kit `markdown` blocks, streamed answers) shown through the mrkdwn renderer:
 * the two differ in markers, not in what they can say. Tables keep their columns in a monospace block.
 */
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
  const escaped = markdown.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
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
  return renderMrkdwn(markdownToMrkdwn(markdown), context, "mrkdwn markdown");
}
