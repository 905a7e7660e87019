/**
 * Slack's mrkdwn is not Markdown: *bold* not **bold**, no headings, <url|text> links. The analyst's
 * insights are written in Markdown (they are also served by the REST API), so they are converted here.
 */
export function markdownToMrkdwn(markdown: string): string {
  return markdown
    .split("\n")
    .map((line) => {
      const heading = /^#{1,6}\s+(.*)$/.exec(line);
      if (heading) return `*${(heading[1] as string).replace(/\*\*/g, "")}*`;
      return line
        .replace(/^(\s*)[-*]\s+/, "$1• ")
        .replace(/\*\*(.+?)\*\*/g, "*$1*")
        .replace(/__(.+?)__/g, "*$1*")
        .replace(/\[([^\]]+)\]\((https?:[^)]+)\)/g, "<$2|$1>");
    })
    .join("\n");
}
