/**
 * Text for Slack's `markdown` block, which reads standard Markdown. What makes markup there differs from
 * mrkdwn, so data needs its own escaping:
 * - `&`, `<` and `>` become entities: no `<https://…>` autolink, no HTML, and no `<!channel>` or `<@U…>`
 *   token reaches Slack, whether it parses the block as Markdown (an entity is always text) or passes text on.
 * - `[` and `]` are backslash-escaped: no `[label](https://…)` link and no `![image](…)`, so a label never
 *   hides where a link goes.
 * - `://` and `www.` get a backslash before `:` or `.`, so a bare address is not turned into a link either.
 * - Bidirectional overrides are dropped, as they make a name read as another.
 * - A line of text right after a list starts a paragraph of its own (the writer ended the list there), instead
 *   of running on inside the list's last item as a lazy continuation.
 * Everything else of the analyst's text (the model's, or the offline insights quoting campaign names) stays
 * Markdown: bold, italic, lists, headings, quotes, code. A data value the app's own writers put into that
 * text goes through `literalMarkdown` first, so a campaign named `*Brand*_Search_` shows as written.
 */

const BIDI_OVERRIDES = /[\u202A-\u202E\u2066-\u2069]/g;

/** Markdown made safe by `untrustedMarkdown`: the only text a `markdown` block takes. */
export class SafeMarkdown {
  constructor(readonly text: string) {}
}

/** An escape `literalMarkdown` writes (a backslash before `*`, `_`, `~`, a backtick or a backslash), or a lone backslash. */
const LITERAL_ESCAPE = /\\([\\*_~`])|\\/g;

/**
 * A data value (a campaign, column or file name) as it is to be read inside the analyst's Markdown: `*`, `_`,
 * `~`, backticks and backslashes get a backslash, so they show as written instead of making emphasis or code.
 * Links and Slack tokens are still `untrustedMarkdown`'s to break, which keeps these escapes.
 */
export function literalMarkdown(value: string): string {
  return value.replace(/[\\*_~`]/g, "\\$&");
}

/** A name the model may write with its marks as they are: one that holds one of the marks `literalMarkdown` escapes. */
const MARKED_NAME = /[\\*_~`]/;

/**
 * The model's Markdown with the data's names in it written literally: the model quotes a campaign named
 * `*Brand*_Search_` as it is, which Markdown would draw as emphasis, so each raw occurrence of a known name
 * holding a mark is replaced by its `literalMarkdown` form (the longest name first where names overlap).
 * The model's own emphasis around a name stays.
 */
export function literalNames(text: string, names: Iterable<string>): string {
  const marked = [...new Set(names)].filter((name) => name.length > 1 && MARKED_NAME.test(name));
  if (marked.length === 0) return text;
  marked.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(
    marked.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"),
    "g",
  );
  return text.replace(pattern, (name) => literalMarkdown(name));
}

/**
 * Markdown from the analyst (the model, or the offline insights quoting campaign names): its formatting
 * stays, its links, autolinks and Slack tokens become text. A backslash the text wrote is kept as text, so it
 * cannot undo an escape; only a backslash before `*`, `_`, `~`, a backtick or another backslash stays an
 * escape (as `literalMarkdown` writes them), and none of those can open a link or a token.
 */
export function untrustedMarkdown(text: string): SafeMarkdown {
  const escaped = text
    .replace(BIDI_OVERRIDES, "")
    .replace(LITERAL_ESCAPE, (backslash, escapedCharacter?: string) =>
      escapedCharacter === undefined ? "\\\\" : backslash,
    )
    .replace(/[[\]]/g, "\\$&");
  return new SafeMarkdown(endListsBeforeText(breakAutolinks(entities(escaped))));
}

const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
/** What opens a block of its own after a list: indentation, a quote, a heading, a fence or a rule. */
const OPENS_BLOCK = /^(?:[ \t]|>|#{1,6}(?:[ \t]|$)|```|~~~|(?:[-*_][ \t]*){3,}$|$)/;

function endListsBeforeText(text: string): string {
  const lines = text.split("\n");
  return lines
    .map((line, index) => {
      const runsOn = !OPENS_BLOCK.test(line) && !LIST_ITEM.test(line);
      return index > 0 && runsOn && LIST_ITEM.test(lines[index - 1] ?? "") ? `\n${line}` : line;
    })
    .join("\n");
}

/** `&`, `<`, `>` as entities; a `>` that opens a line stays a quote marker. */
function entities(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replace(/>/g, (marker, offset: number, whole: string) =>
      /^(?:[ \t]{0,3}>[ \t]?)*[ \t]{0,3}$/.test(whole.slice(whole.lastIndexOf("\n", offset - 1) + 1, offset))
        ? marker
        : "&gt;",
    );
}

function breakAutolinks(text: string): string {
  return text.replace(/:(?=\/\/)/g, "\\:").replace(/\b(www)\./gi, "$1\\.");
}
