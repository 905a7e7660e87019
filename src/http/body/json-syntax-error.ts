/**
 * Where a JSON text first goes wrong, and what was expected there, from V8's own JSON.parse message. V8
 * names the position for most errors but not the line and column, and for an unexpected token it names
 * no position and quotes the body instead (which must not be echoed); only those gaps are filled here.
 */
export interface JsonSyntaxProblem {
  /** 0-based character offset. */
  position: number;
  /** 1-based. */
  line: number;
  column: number;
  expected: string;
}

const VALUE = "a value (a number, text in double quotes, true, false, null, an object or a list)";

/** V8's reasons (Node 20 and 22), in the words our answers use. */
const EXPECTED: readonly [RegExp, string][] = [
  [/^Expected (double-quoted )?property name/, "a property name in double quotes"],
  [/^Expected ':' after property name/, '":" after the property name'],
  [/^Expected ',' or '}' after property value/, '"," or "}" after a property value'],
  [/^Expected ',' or ']' after array element/, '"," or "]" after a list item'],
  [/^Unexpected non-whitespace character after JSON/, "the end of the body after the JSON value"],
  [
    /^Bad control character in string literal/,
    "no raw line break or control character inside text: escape it (\\n)",
  ],
  [/^Bad (escaped character|Unicode escape)/, 'a valid escape after "\\" (\\", \\\\, \\n, \\t, \\uXXXX...)'],
  [/^Unterminated string/, 'a closing " for the text'],
  [/^(Unterminated fractional number|No number after minus sign|Exponent part is missing)/, "a digit"],
];

/** The problem JSON.parse found in `text`, given the message of the error it threw. */
export function describeJsonSyntaxError(text: string, message: string): JsonSyntaxProblem {
  const stated = /in JSON at position (\d+)/.exec(message);
  const position = Math.min(text.length, stated ? Number(stated[1]) : firstUnreadable(text));
  const expected =
    EXPECTED.find(([pattern]) => pattern.test(message))?.[1] ??
    (position === text.length ? "more JSON: the body ends before it is complete" : VALUE);
  return problemAt(text, stated ? position : startOfWord(text, position), expected);
}

/**
 * The first character after which no valid JSON can follow, by bisecting on prefixes: JSON.parse says
 * a prefix only ends early (it could still become valid) or is wrong already. A bad word such as `tru}`
 * is wrong at its `}`; the problem is reported where the word starts.
 */
function firstUnreadable(text: string): number {
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (couldContinue(text.slice(0, middle + 1))) low = middle + 1;
    else high = middle;
  }
  return low;
}

function couldContinue(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    const stated = /in JSON at position (\d+)/.exec(message);
    return (
      message.startsWith("Unexpected end of JSON input") ||
      (stated !== null && Number(stated[1]) >= prefix.length)
    );
  }
}

function startOfWord(text: string, position: number): number {
  let start = position;
  while (start > 0 && /[\w.+-]/.test(text[start - 1] as string)) start -= 1;
  return start;
}

function problemAt(text: string, position: number, expected: string): JsonSyntaxProblem {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < position; i = text.indexOf("\n", i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { position, line, column: position - lineStart + 1, expected };
}
