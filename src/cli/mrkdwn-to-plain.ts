// Slack reads `*bold*`, `_italic_` and `~strike~` only when the marks sit at word edges, so a campaign
// named Brand_Search_US keeps its underscores here as it does in Slack.
const EMPHASIS = ["\\*", "_", "~"].map(
  (mark) =>
    new RegExp(`(^|[\\s([{"'“‘])${mark}(\\S(?:[^\\n]*?\\S)??)${mark}(?=$|[\\s)\\]}"'”’.,;:!?])`, "gm"),
);
const LINK = /<([^<>|]+)(?:\|([^<>]*))?>/g;

/**
 * Slack mrkdwn as a terminal shows it: emphasis marks dropped, `<url|label>` as "label (url)", and the
 * `&amp;`, `&lt;`, `&gt;` escapes turned back into the characters they stand for. Bullets, numbering and
 * line breaks are plain text already.
 */
export function mrkdwnToPlain(text: string): string {
  let plain = text.replace(/`([^`\n]+)`/g, "$1");
  for (const pattern of EMPHASIS) plain = plain.replace(pattern, "$1$2");
  return plain
    .replace(LINK, (_, target: string, label?: string) => {
      const address = target.replace(/^mailto:/, "");
      return label && label !== address ? `${label} (${address})` : address;
    })
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}
