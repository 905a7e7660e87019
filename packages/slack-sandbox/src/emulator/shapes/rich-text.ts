const MENTION = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g;

/**
 * Slack's clients send what a person types as a `rich_text` block next to `text`; mentions become
 * `user` elements. Apps that read blocks instead of text see the same structure here.
 */
export function richTextBlocks(text: string, blockId: string): unknown[] {
  const elements: unknown[] = [];
  let last = 0;
  for (const match of text.matchAll(MENTION)) {
    const index = match.index ?? 0;
    if (index > last) elements.push({ type: "text", text: text.slice(last, index) });
    elements.push({ type: "user", user_id: match[1] });
    last = index + match[0].length;
  }
  if (last < text.length) elements.push({ type: "text", text: text.slice(last) });
  return [{ type: "rich_text", block_id: blockId, elements: [{ type: "rich_text_section", elements }] }];
}

export function mentionsUser(text: string, userId: string): boolean {
  for (const match of text.matchAll(MENTION)) if (match[1] === userId) return true;
  return false;
}
