import type { Content } from "@google/genai";
import type { ThreadMemory } from "../history/thread-memory.js";

/**
 * The thread so far as Gemini contents: the summary of folded exchanges first, then the kept messages,
 * each answer followed by the tools it used (the figures themselves are fetched again: only this turn's
 * tool results count as evidence). Consecutive messages of one role are merged, as turns must alternate.
 */
export function memoryToContents(memory: ThreadMemory): Content[] {
  const turns: Array<{ role: "user" | "model"; text: string }> = [];
  if (memory.summary.length > 0) {
    turns.push({ role: "user", text: `Earlier in this thread (summarised):\n${memory.summary.join("\n")}` });
  }
  for (const message of memory.messages) {
    if (message.role === "user") turns.push({ role: "user", text: message.text });
    else {
      const tools = message.tools.length > 0 ? `\n(tools used: ${message.tools.join("; ")})` : "";
      turns.push({ role: "model", text: `${message.text}${tools}` });
    }
  }
  const contents: Content[] = [];
  for (const turn of turns) {
    const previous = contents[contents.length - 1];
    if (previous?.role === turn.role) previous.parts?.push({ text: turn.text });
    else contents.push({ role: turn.role, parts: [{ text: turn.text }] });
  }
  return contents;
}
