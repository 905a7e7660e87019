import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeJsonSyntaxError } from "../../src/http/body/json-syntax-error.js";

/** The problem in a text JSON.parse refuses. */
function problemIn(text: string) {
  try {
    JSON.parse(text);
  } catch (error) {
    return describeJsonSyntaxError(text, (error as Error).message);
  }
  throw new Error(`valid JSON: ${text}`);
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Nothing before the reported position is wrong yet: the text up to there could still become valid JSON. */
function couldContinue(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (error) {
    const message = (error as Error).message;
    const at = /at position (\d+)/.exec(message);
    return message.startsWith("Unexpected end") || (at !== null && Number(at[1]) >= prefix.length);
  }
}

describe("locating JSON syntax errors", () => {
  it("points at a place in mangled JSON before which nothing is wrong yet", () => {
    fc.assert(
      fc.property(
        fc.json(),
        fc.nat(),
        fc.constantFrom(",", "}", "]", '"', ":", "x", "\\", "\n", "tru"),
        (json, at, junk) => {
          const cut = at % (json.length + 1);
          const mangled = json.slice(0, cut) + junk + json.slice(cut);
          fc.pre(!parses(mangled));
          const { position } = problemIn(mangled);
          expect(position).toBeGreaterThanOrEqual(0);
          expect(position).toBeLessThanOrEqual(mangled.length);
          expect(couldContinue(mangled.slice(0, position))).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("points at the first wrong character, by line and column, in our words", () => {
    expect(problemIn('{"a": 1}\n  x')).toEqual({
      position: 11,
      line: 2,
      column: 3,
      expected: "the end of the body after the JSON value",
    });
    expect(problemIn("[1, 2")).toMatchObject({ position: 5, expected: '"," or "]" after a list item' });
    expect(problemIn('{"a" 1}')).toMatchObject({ position: 5, expected: '":" after the property name' });
    expect(problemIn('{"a": "line\nbreak"}')).toMatchObject({ position: 11 });
    expect(problemIn('{"a": "open')).toMatchObject({ position: 11, expected: 'a closing " for the text' });
  });

  it("finds an unexpected word V8 names no position for, without quoting the body", () => {
    expect(problemIn('{"spend": tru}')).toMatchObject({
      position: 10,
      column: 11,
      expected: expect.stringMatching(/^a value/),
    });
    expect(problemIn('{"spend": secret-word}')).toMatchObject({ position: 10 });
  });

  it("survives nesting far deeper than the call stack", () => {
    expect(problemIn("[".repeat(1_000_000))).toMatchObject({ position: 1_000_000 });
  });
});
