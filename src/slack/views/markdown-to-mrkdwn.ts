import { escapeSlackText } from "../../format/slack-text.js";

/**
 * Slack's mrkdwn is not Markdown: *bold* not **bold**, no headings. The analyst's insights are written in
 * Markdown (they are also served by the REST API), so they are converted here. They may be the model's
 * words about campaign names anyone can set, so every line is escaped first and only the formatting the
 * app itself uses comes back: bold, bullets, headings as bold lines and a leading quote. Links stay as
 * the text they were written as: a label must never hide where a link goes.
 */
export function markdownToMrkdwn(markdown: string): string {
  return markdown
    .split("\n")
    .map((line) => {
      const quote = /^>\s?/.exec(line);
      const body = escapeSlackText(quote ? line.slice(quote[0].length) : line);
      const heading = /^#{1,6}\s+(.*)$/.exec(body);
      if (heading) return `*${(heading[1] as string).replace(/\*\*/g, "")}*`;
      const converted = body
        .replace(/^(\s*)[-*]\s+/, "$1• ")
        .replace(/\*\*(.+?)\*\*/g, "*$1*")
        .replace(/__(.+?)__/g, "*$1*");
      return quote ? `> ${converted}` : converted;
    })
    .join("\n");
}
