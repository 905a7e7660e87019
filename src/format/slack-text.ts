/**
 * Data in Slack text. `&`, `<` and `>` are mrkdwn's control characters: `<!channel>`, `<@U…>` and
 * `<https://…|label>` are live only when written with them, so every value that comes from data (file and
 * column names, campaign names from webhooks, the model's words) is escaped where it enters a message.
 * `mrkdwn` does that at the interpolation itself, so a value cannot be forgotten; `escapeSlackText` is
 * for a whole text that is data (an answer, an error message).
 */

const BIDI_OVERRIDES = /[\u202A-\u202E\u2066-\u2069]/g;

/** Escapes the control characters; bidirectional overrides are dropped, as they make a name read as another. */
export function escapeSlackText(text: string): string {
  return text
    .replace(BIDI_OVERRIDES, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;");
}

/** Slack text the app wrote itself, which `mrkdwn` passes through as it is. */
export class Markup {
  constructor(readonly text: string) {}
}

/** A person mentioned by the app; anything but a Slack user id is shown as text. */
export function mention(user: string): Markup | string {
  return /^[UW][A-Z0-9]+$/.test(user) ? new Markup(`<@${user}>`) : user;
}

/** A conversation linked by the app; anything but a Slack conversation id is shown as text. */
export function channelLink(channel: string): Markup | string {
  return /^[CGD][A-Z0-9]+$/.test(channel) ? new Markup(`<#${channel}>`) : channel;
}

/**
 * A mrkdwn text with values in it: every interpolated string is escaped, and only `Markup` (a mention, a
 * channel link, or a piece already built by `mrkdwn` and wrapped) passes untouched.
 *
 * @example
 * mrkdwn`*${record.name}* · ${channelLink(record.channel)}`
 * // "*&lt;!channel&gt; plan.csv* · <#C0123>" for a file named "<!channel> plan.csv"
 */
export function mrkdwn(
  strings: TemplateStringsArray,
  ...values: ReadonlyArray<string | number | Markup>
): string {
  return strings.reduce((text, part, index) => {
    const value = values[index - 1];
    const inserted = value instanceof Markup ? value.text : escapeSlackText(String(value));
    return `${text}${inserted}${part}`;
  });
}
