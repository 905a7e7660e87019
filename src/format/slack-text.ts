/**
 * Data in Slack text. `&`, `<` and `>` are mrkdwn's control characters: `<!channel>`, `<@U…>` and
 * `<https://…|label>` are live only when written with them, so every value that comes from data (file and
 * column names, campaign names from webhooks, the model's words) passes here before it enters a message.
 * Bidirectional overrides are dropped too: they let a name display as something other than what it is.
 */
export function escapeSlackText(text: string): string {
  return text
    .replace(BIDI_OVERRIDES, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;");
}

const BIDI_OVERRIDES = /[\u202A-\u202E\u2066-\u2069]/g;
