import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type AnalystLogger, answerQuestion, unverifiedNote } from "../agent/index.js";
import { loadConfig } from "../config/config.js";
import { loadExport } from "../ingest/index.js";
import { UsageError } from "./cli-error.js";
import { mrkdwnToPlain } from "./mrkdwn-to-plain.js";

export interface AskOptions {
  /** Where charts are written; the working directory by default. */
  cwd?: string;
  /** The environment the Gemini settings come from; the process's by default. */
  env?: NodeJS.ProcessEnv;
  logger?: AnalystLogger;
  /** YYYY-MM-DD; the wall clock by default. */
  today?: string;
}

/**
 * Answers one question about a file: Gemini when GEMINI_API_KEY is set, else the offline analyst. Prints
 * the answer, the note when Gemini fell back, figures that could not be verified, and the path of each
 * chart drawn, written as ./mpo-chart-<n>.png without overwriting earlier ones. The answer is written for
 * Slack, so its mrkdwn is printed as the plain text a terminal shows.
 */
export async function askCommand(args: string[], options: AskOptions = {}): Promise<string> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const [file, ...words] = positionals;
  const question = words.join(" ").trim();
  if (!file || question === "") throw new UsageError("expected a file and a question");
  const dataset = await loadExport({ path: file });
  const config = loadConfig(options.env ?? process.env);
  const answer = await answerQuestion({
    question,
    dataset,
    config,
    logger: options.logger,
    today: options.today,
  });
  const cwd = options.cwd ?? process.cwd();
  const chartLines = answer.charts.map((chart) => `Chart: ${writeChart(cwd, chart.png)} (${chart.title})`);
  const warning = unverifiedNote(answer.unverified);
  const lines = [
    ...(answer.note ? [`Note: ${answer.note}`, ""] : []),
    mrkdwnToPlain(answer.text),
    ...(warning ? ["", warning] : []),
    ...(chartLines.length > 0 ? ["", ...chartLines] : []),
  ];
  return `${lines.join("\n")}\n`;
}

function writeChart(cwd: string, png: Buffer): string {
  let n = 1;
  while (existsSync(join(cwd, `mpo-chart-${n}.png`))) n++;
  const name = `mpo-chart-${n}.png`;
  writeFileSync(join(cwd, name), png);
  return `./${name}`;
}
