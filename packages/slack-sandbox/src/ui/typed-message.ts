import type { Channel, User } from "../emulator/index.js";

/**
 * What Slack's client sends for what a person typed: `text` with `&`, `<`, `>` escaped and mentions as
 * `<@U…>` / `<#C…|name>`, plus the `rich_text` block that carries the same message with its styles as
 * flags (bold, italic, strike, code), links, mentions, lists, quotes and code blocks.
 */
export interface TypedMessage {
  text: string;
  blocks: unknown[];
}

interface Directory {
  users: readonly User[];
  channels: readonly Channel[];
}

type Style = { bold?: true; italic?: true; strike?: true; code?: true };
type Element =
  | { type: "text"; text: string; style?: Style }
  | { type: "link"; url: string; style?: Style }
  | { type: "user"; user_id: string }
  | { type: "channel"; channel_id: string };

const INLINE = new RegExp(
  [
    "(?<code>`[^`\\n]+`)",
    "(?<bold>(?<![\\p{L}\\p{N}*])\\*(?=[^\\s*])[^*\\n]+?(?<=\\S)\\*(?![\\p{L}\\p{N}*]))",
    "(?<italic>(?<![\\p{L}\\p{N}_])_(?=[^\\s_])[^_\\n]+?(?<=\\S)_(?![\\p{L}\\p{N}_]))",
    "(?<strike>(?<![\\p{L}\\p{N}~])~(?=[^\\s~])[^~\\n]+?(?<=\\S)~(?![\\p{L}\\p{N}~]))",
    "(?<url>https?://[^\\s<>]*[^\\s<>.,;:!?)'\"])",
    "(?<mention>(?<![\\w@])@[a-z0-9][a-z0-9._-]*)",
    "(?<channel>(?<![\\w#&])#[a-z0-9][a-z0-9_-]*)",
  ].join("|"),
  "giu",
);

const LIST_ITEM = /^(\s*)(?:[-*•]|(\d+)[.)])\s+(.*)$/;
const QUOTE = /^>\s?(.*)$/;

function withStyle(elements: Element[], style: Style): Element[] {
  return elements.map((element) =>
    element.type === "text" || element.type === "link"
      ? { ...element, style: { ...element.style, ...style } }
      : element,
  );
}

function inline(line: string, directory: Directory): Element[] {
  const out: Element[] = [];
  const pushText = (text: string) => {
    if (text === "") return;
    const last = out.at(-1);
    if (last?.type === "text" && last.style === undefined) last.text += text;
    else out.push({ type: "text", text });
  };
  let at = 0;
  for (const match of line.matchAll(INLINE)) {
    const index = match.index ?? 0;
    pushText(line.slice(at, index));
    at = index + match[0].length;
    const whole = match[0];
    const inner = whole.slice(1, -1);
    const groups = match.groups ?? {};
    if (groups.code) out.push({ type: "text", text: inner, style: { code: true } });
    else if (groups.bold) out.push(...withStyle(inline(inner, directory), { bold: true }));
    else if (groups.italic) out.push(...withStyle(inline(inner, directory), { italic: true }));
    else if (groups.strike) out.push(...withStyle(inline(inner, directory), { strike: true }));
    else if (groups.url) out.push({ type: "link", url: whole });
    else if (groups.mention) {
      const user = directory.users.find((u) => u.name.toLowerCase() === whole.slice(1).toLowerCase());
      if (user) out.push({ type: "user", user_id: user.id });
      else pushText(whole);
    } else if (groups.channel) {
      const channel = directory.channels.find(
        (c) => c.kind !== "im" && c.name === whole.slice(1).toLowerCase(),
      );
      if (channel) out.push({ type: "channel", channel_id: channel.id });
      else pushText(whole);
    }
  }
  pushText(line.slice(at));
  return out;
}

function joinLines(lines: string[], directory: Directory): Element[] {
  return lines.flatMap((line, index) => [
    ...(index > 0 ? [{ type: "text", text: "\n" } as Element] : []),
    ...inline(line, directory),
  ]);
}

/** The rich_text elements for the typed lines: sections, lists, quotes and preformatted blocks. */
function richElements(typed: string, directory: Directory): unknown[] {
  const parts = typed.split("```");
  const out: unknown[] = [];
  parts.forEach((part, index) => {
    if (index % 2 === 1 && index < parts.length - 1) {
      out.push({
        type: "rich_text_preformatted",
        elements: [{ type: "text", text: part.replace(/^\n|\n$/g, "") }],
      });
      return;
    }
    const lines = (index % 2 === 1 ? `\`\`\`${part}` : part).replace(/^\n|\n$/g, "").split("\n");
    let i = 0;
    while (i < lines.length) {
      const line = lines[i] ?? "";
      const item = LIST_ITEM.exec(line);
      if (item) {
        const ordered = item[2] !== undefined;
        const items: unknown[] = [];
        let next: RegExpExecArray | null = item;
        while (next && (next[2] !== undefined) === ordered) {
          items.push({ type: "rich_text_section", elements: inline(next[3] ?? "", directory) });
          i += 1;
          next = LIST_ITEM.exec(lines[i] ?? "");
        }
        out.push({
          type: "rich_text_list",
          style: ordered ? "ordered" : "bullet",
          indent: 0,
          elements: items,
        });
      } else if (QUOTE.test(line)) {
        const quoted: string[] = [];
        for (; i < lines.length && QUOTE.test(lines[i] ?? ""); i += 1)
          quoted.push(QUOTE.exec(lines[i] ?? "")?.[1] ?? "");
        out.push({ type: "rich_text_quote", elements: joinLines(quoted, directory) });
      } else {
        const plain: string[] = [];
        for (; i < lines.length && !LIST_ITEM.test(lines[i] ?? "") && !QUOTE.test(lines[i] ?? ""); i += 1) {
          plain.push(lines[i] ?? "");
        }
        out.push({ type: "rich_text_section", elements: joinLines(plain, directory) });
      }
    }
  });
  return out;
}

function encodeText(typed: string, directory: Directory): string {
  const escaped = typed.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
  return escaped.replace(/(^|[\s(])([@#])([a-z0-9][a-z0-9._-]*)/gi, (whole, before: string, sigil, name) => {
    const wanted = String(name).toLowerCase();
    if (sigil === "@") {
      const user = directory.users.find((u) => u.name.toLowerCase() === wanted);
      return user ? `${before}<@${user.id}>` : whole;
    }
    const channel = directory.channels.find((c) => c.kind !== "im" && c.name === wanted);
    return channel ? `${before}<#${channel.id}|${channel.name}>` : whole;
  });
}

export function typedMessage(typed: string, directory: Directory, blockId: string): TypedMessage {
  return {
    text: encodeText(typed, directory),
    blocks: [{ type: "rich_text", block_id: blockId, elements: richElements(typed, directory) }],
  };
}
