/**
 * Where a JSON text first goes wrong, and what was expected there. JSON.parse says this only sometimes (and
 * quotes the body when it does not), so after it fails this scanner walks the text once to point at the
 * spot: line, column and character position. It keeps its own stack rather than recursing, so a body of
 * a million "[" cannot overflow the call stack.
 */
export interface JsonSyntaxProblem {
  /** 0-based character offset. */
  position: number;
  /** 1-based. */
  line: number;
  column: number;
  expected: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);
const VALUE = "a value (a number, text in double quotes, true, false, null, an object or a list)";

export function findJsonSyntaxError(text: string): JsonSyntaxProblem | null {
  let i = 0;
  const stack: string[] = [];
  const fail = (expected: string): JsonSyntaxProblem => problemAt(text, i, expected);
  const skip = () => {
    WHITESPACE.lastIndex = i;
    WHITESPACE.test(text);
    i = WHITESPACE.lastIndex;
  };
  const readString = (): JsonSyntaxProblem | null => {
    const start = i;
    i += 1;
    while (i < text.length) {
      const ch = text[i] as string;
      if (ch === '"') {
        i += 1;
        return null;
      }
      if (ch === "\\") {
        const next = text[i + 1] ?? "";
        if (next === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (ESCAPES.has(next)) i += 2;
        else return fail('a valid escape after "\\" (\\", \\\\, \\n, \\t, \\uXXXX...)');
        continue;
      }
      if (ch.charCodeAt(0) < 0x20)
        return fail("no raw line break or control character inside text: escape it (\\n)");
      i += 1;
    }
    i = start;
    return fail('a closing " for the text that starts here');
  };
  const readKey = (): JsonSyntaxProblem | null => {
    skip();
    if (text[i] !== '"') return fail("a property name in double quotes");
    const problem = readString();
    if (problem) return problem;
    skip();
    if (text[i] !== ":") return fail('":" after the property name');
    i += 1;
    return null;
  };

  let expectingValue = true;
  for (;;) {
    skip();
    if (expectingValue) {
      const ch = text[i];
      if (ch === "{" || ch === "[") {
        i += 1;
        skip();
        if (text[i] === (ch === "{" ? "}" : "]")) {
          i += 1;
          expectingValue = false;
          continue;
        }
        stack.push(ch);
        if (ch === "{") {
          const problem = readKey();
          if (problem) return problem;
        }
        continue;
      }
      if (ch === '"') {
        const problem = readString();
        if (problem) return problem;
      } else if (!readScalar()) {
        return fail(VALUE);
      }
      expectingValue = false;
      continue;
    }
    const open = stack[stack.length - 1];
    if (open === undefined)
      return i === text.length ? null : fail("the end of the body after the JSON value");
    const close = open === "{" ? "}" : "]";
    if (text[i] === ",") {
      i += 1;
      if (open === "{") {
        const problem = readKey();
        if (problem) return problem;
      }
      expectingValue = true;
    } else if (text[i] === close) {
      i += 1;
      stack.pop();
    } else {
      return fail(open === "{" ? '"," or "}" after a property value' : '"," or "]" after a list item');
    }
  }

  function readScalar(): boolean {
    for (const literal of ["true", "false", "null"]) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return true;
      }
    }
    NUMBER.lastIndex = i;
    if (!NUMBER.test(text)) return false;
    i = NUMBER.lastIndex;
    return true;
  }
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
