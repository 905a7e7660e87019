import { isUtf8 } from "node:buffer";
import { describeJsonSyntaxError, type JsonSyntaxProblem } from "./json-syntax-error.js";

export type ParsedJson =
  | { ok: true; value: unknown }
  | { ok: false; message: string; position?: Pick<JsonSyntaxProblem, "position" | "line" | "column"> };

/** The body as JSON, or why it is not: not UTF-8, empty, or a syntax error with its position. */
export function parseJsonBody(bytes: Uint8Array): ParsedJson {
  if (!isUtf8(bytes)) return { ok: false, message: "the body is not UTF-8 text: send JSON encoded as UTF-8" };
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") return { ok: false, message: "the body is empty: send a JSON object" };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const { position, line, column, expected } = describeJsonSyntaxError(
      text,
      error instanceof Error ? error.message : "",
    );
    return {
      ok: false,
      message: `malformed JSON at line ${line}, column ${column} (character ${position}): expected ${expected}`,
      position: { position, line, column },
    };
  }
}
