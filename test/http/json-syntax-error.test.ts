import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findJsonSyntaxError } from "../../src/http/body/json-syntax-error.js";

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe("locating JSON syntax errors", () => {
  it("agrees with JSON.parse on what is valid, for valid JSON and for mangled JSON", () => {
    fc.assert(
      fc.property(
        fc.json(),
        fc.nat(),
        fc.constantFrom("", ",", "}", "]", '"', ":", "x", "\\", "\n"),
        (json, at, junk) => {
          expect(findJsonSyntaxError(json)).toBeNull();
          const cut = at % (json.length + 1);
          const mangled = json.slice(0, cut) + junk + json.slice(cut);
          expect(findJsonSyntaxError(mangled) === null).toBe(parses(mangled));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("points at the first wrong character, by line and column", () => {
    expect(findJsonSyntaxError('{"a": 1}\n  x')).toEqual({
      position: 11,
      line: 2,
      column: 3,
      expected: "the end of the body after the JSON value",
    });
    expect(findJsonSyntaxError("[1, 2")).toMatchObject({
      position: 5,
      expected: '"," or "]" after a list item',
    });
    expect(findJsonSyntaxError('{"a" 1}')).toMatchObject({
      position: 5,
      expected: '":" after the property name',
    });
    expect(findJsonSyntaxError('{"a": "line\nbreak"}')).toMatchObject({ position: 11 });
    expect(findJsonSyntaxError('{"a": "open')).toMatchObject({
      position: 6,
      expected: 'a closing " for the text that starts here',
    });
  });

  it("survives nesting far deeper than the call stack", () => {
    expect(findJsonSyntaxError("[".repeat(1_000_000))).toMatchObject({ position: 1_000_000 });
  });
});
