import { expect } from "vitest";
import { answerQuestion, silentLogger } from "../../src/agent/index.js";
import { type Dataset, readExport } from "../../src/ingest/index.js";

/** A small export from its lines, read as an upload would be. */
export function exportFromLines(lines: readonly string[], name = "export.csv"): Dataset {
  return readExport({ bytes: Buffer.from(`${lines.join("\n")}\n`), name });
}

/** The offline analyst's answer text, once the figure checker has found every figure in the tools' results. */
export async function askChecked(question: string, dataset: Dataset, today: string): Promise<string> {
  const answer = await answerQuestion({ question, dataset, today, logger: silentLogger });
  expect(answer.unverified).toEqual([]);
  return answer.text;
}
