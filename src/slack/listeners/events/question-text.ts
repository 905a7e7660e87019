/** The question as the person meant it: without the bot's mention, with Slack's escapes undone. */
export function questionText(text: string, botUserId: string | undefined): string {
  const withoutMention = botUserId ? text.replaceAll(`<@${botUserId}>`, "") : text;
  return withoutMention
    .replace(/<#[A-Z0-9]+\|([^>]+)>/g, "#$1")
    .replace(/<(https?:[^|>]+)(?:\|([^>]+))?>/g, (_, url: string, label?: string) => label ?? url)
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&")
    .trim();
}
