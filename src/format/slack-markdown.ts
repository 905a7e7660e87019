/**
 * Text for Slack's `markdown` block, which reads standard Markdown. What makes markup there differs from
 * mrkdwn, so data needs its own escaping:
 * - `&`, `<` and `>` become entities: no `<https://…>` autolink, no HTML, and no `<!channel>` or `<@U…>`
 *   token reaches Slack, whether it parses the block as Markdown (an entity is always text) or passes text on.
 * - `[` and `]` are backslash-escaped: no `[label](https://…)` link and no `![image](…)`, so a label never
 *   hides where a link goes.
 * - `://` and `www.` get a backslash before `:` or `.`, so a bare address is not turned into a link either.
 * - Bidirectional overrides are dropped, as they make a name read as another.
 * A data value (`escapeMarkdown`) also loses every other Markdown marker and its line breaks; the analyst's
 * whole text (`untrustedMarkdown`) keeps its formatting: bold, italic, lists, headings, quotes, code.
 */

const BIDI_OVERRIDES = /[\u202A-\u202E\u2066-\u2069]/g;

/** Markdown the app built itself or made safe; the only text a `markdown` block takes. */
export class SafeMarkdown {
  constructor(readonly text: string) {}
}

/** A data value inside Markdown: shown as the characters it is, on one line, never as markup. */
export function escapeMarkdown(value: string): string {
  const escaped = value
    .replace(BIDI_OVERRIDES, "")
    .replace(/\s*[\r\n]+\s*/g, " ")
    .replace(/[\\`*_~[\]|#]/g, "\\$&")
    .replace(/^([-+])(?=\s|$)/, "\\$1")
    .replace(/^(\d+)([.)])(?=\s|$)/, "$1\\$2");
  return breakAutolinks(entities(escaped, false));
}

/**
 * Markdown from the analyst (the model, or the offline insights quoting campaign names): its formatting
 * stays, its links, autolinks and Slack tokens become text. A backslash the text wrote is kept as text, so it
 * cannot undo an escape.
 */
export function untrustedMarkdown(text: string): SafeMarkdown {
  const escaped = text.replace(BIDI_OVERRIDES, "").replaceAll("\\", "\\\\").replace(/[[\]]/g, "\\$&");
  return new SafeMarkdown(breakAutolinks(entities(escaped, true)));
}

/**
 * Markdown with values in it: every interpolated string is escaped, and only `SafeMarkdown` passes as it is.
 *
 * @example
 * markdown`**${row.key}** leads`
 * // "**&lt;!channel&gt; \\[x\\](https\\://evil.example)** leads" for a campaign named "<!channel> [x](https://evil.example)"
 */
export function markdown(
  strings: TemplateStringsArray,
  ...values: ReadonlyArray<string | number | SafeMarkdown>
): SafeMarkdown {
  return new SafeMarkdown(
    strings.reduce((text, part, index) => {
      const value = values[index - 1];
      const inserted = value instanceof SafeMarkdown ? value.text : escapeMarkdown(String(value));
      return `${text}${inserted}${part}`;
    }),
  );
}

/** `&`, `<`, `>` as entities; a `>` that opens a line may stay a quote marker when quotes are allowed. */
function entities(text: string, quotes: boolean): string {
  const escaped = text.replaceAll("&", "&amp;").replaceAll("<", "&lt;");
  if (!quotes) return escaped.replaceAll(">", "&gt;");
  return escaped.replace(/>/g, (marker, offset: number, whole: string) =>
    /^(?:[ \t]{0,3}>[ \t]?)*[ \t]{0,3}$/.test(whole.slice(whole.lastIndexOf("\n", offset - 1) + 1, offset))
      ? marker
      : "&gt;",
  );
}

function breakAutolinks(text: string): string {
  return text.replace(/:(?=\/\/)/g, "\\:").replace(/\b(www)\./gi, "$1\\.");
}
