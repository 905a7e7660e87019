/**
 * Data in Slack text. `&`, `<` and `>` are mrkdwn's control characters: `<!channel>`, `<@U…>` and
 * `<https://…|label>` are live only when written with them, so every value that comes from data (file and
 * column names, campaign names from webhooks, the model's words) is escaped where it enters a message.
 * mrkdwn has no escape for its formatting marks, so a value's `*`, `_`, `~` and backticks that could open or
 * close bold, italics, strike-through or code become their look-alikes (as jsx-slack's `<Escape>` does):
 * a campaign named `*Brand*_Search_` reads as written instead of bold and italic.
 * `mrkdwn` does that at the interpolation itself, so a value cannot be forgotten; `literalSlackText` is
 * for a whole text that is data (an answer's plain fallback, a note about a file), and `escapeSlackText`
 * for the app's own formatted text that quotes data (only its control characters are escaped).
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

/** Look-alikes that Slack never reads as formatting, for the marks that would be. */
const LOOK_ALIKES: Record<string, string> = { "*": "\u2217", _: "\u02CD", "~": "\u223C", "`": "\u02CB" };
/** A mark between two letters or digits (`Brand_Search`, `2*3`) formats nothing in Slack, so it stays. */
const FORMATTING_MARK = /(?<![\p{L}\p{N}])[*_~]|[*_~](?![\p{L}\p{N}])|`/gu;
/** `:fire:` would be drawn as an emoji; a word joiner after its first colon keeps it as typed. */
const EMOJI_CODE = /:(?=[a-z0-9_+'-]*[a-z])(?=[a-z0-9_+'-]+:)/gi;
/** An address Slack would turn into a link by itself; a word joiner inside it keeps it text. */
const BARE_ADDRESS = /:(?=\/\/)|(?<=\bwww)(?=\.)/gi;
/** A `>` opening a line makes a quote; an invisible soft hyphen before it keeps it text. */
const QUOTE_MARK = /^&gt;/gm;

/**
 * A value as it is to be read in mrkdwn: its control characters escaped, and no formatting, link, mention,
 * emoji or quote it could make (invisible word joiners break an address or an emoji code). Letters and
 * digits are untouched, and so are marks inside a word.
 *
 * @example
 * literalSlackText("*Brand*_Search_ <!channel>") // "∗Brand∗ˍSearchˍ &lt;!channel&gt;"
 */
export function literalSlackText(value: string): string {
  return escapeSlackText(value)
    .replace(FORMATTING_MARK, (mark) => LOOK_ALIKES[mark] ?? mark)
    .replace(EMOJI_CODE, ":\u2060")
    .replace(BARE_ADDRESS, (mark) => `${mark}\u2060`)
    .replace(QUOTE_MARK, "\u00AD&gt;");
}

/**
 * The app's own formatted words that quote what a person typed (a rule's syntax error, with its example in
 * backticks): its control characters are escaped, its formatting stays.
 */
export function formattedText(text: string): Markup {
  return new Markup(escapeSlackText(text));
}

/** A value shown as code (a rule to copy, a command typed): only a backtick could end the span early. */
export function codeSpan(value: string): Markup {
  return new Markup(`\`${escapeSlackText(value).replaceAll("`", LOOK_ALIKES["`"] ?? "'")}\``);
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
 * A mrkdwn text with values in it: every interpolated string is made literal (`literalSlackText`), and only `Markup` (a mention, a
 * channel link, or a piece already built by `mrkdwn` and wrapped) passes untouched.
 *
 * @example
 * mrkdwn`*${record.name}* · ${channelLink(record.channel)}`
 * // "*&lt;!channel&gt; plan.csv* · <#C0123>" for a file named "<!channel> plan.csv"
 * // "*∗Brand∗ˍSearchˍ* · <#C0123>" for one named "*Brand*_Search_"
 */
export function mrkdwn(
  strings: TemplateStringsArray,
  ...values: ReadonlyArray<string | number | Markup>
): string {
  return strings.reduce((text, part, index) => {
    const value = values[index - 1];
    const inserted = value instanceof Markup ? value.text : literalSlackText(String(value));
    return `${text}${inserted}${part}`;
  });
}
