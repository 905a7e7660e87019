import { existsSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type AnalystLogger, answerQuestion, unverifiedNote } from "../agent/index.js";
import { loadConfig } from "../config/config.js";
import { markdownToPlain } from "../format/markdown-to-plain.js";
import { UsageError } from "./cli-error.js";
import { loadExports } from "./load-exports.js";

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
 * Answers one question about a file, or several blended (`mpo ask a.csv b.csv "question"`: the leading
 * arguments that are files are the files, the rest is the question): Gemini when GEMINI_API_KEY is set, else the offline analyst. Prints
 * the answer, the note when Gemini fell back, figures that could not be verified, and the path of each
 * chart drawn, written as ./mpo-chart-<n>.png without overwriting earlier ones. The answer is written for
 * Slack in Markdown, so it is printed as the plain text a terminal shows.
 */
export async function askCommand(args: string[], options: AskOptions = {}): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { rate: { type: "string", multiple: true, default: [] } },
  });
  const firstWord = positionals.findIndex((arg, i) => i > 0 && !isFile(arg));
  const fileCount = firstWord === -1 ? positionals.length : firstWord;
  const files = positionals.slice(0, fileCount);
  const question = positionals.slice(fileCount).join(" ").trim();
  if (files.length === 0 || question === "") throw new UsageError("expected a file and a question");
  const view = await loadExports(files, values.rate);
  const { dataset } = view;
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
    markdownToPlain(answer.text),
    ...(warning ? ["", warning] : []),
    ...(chartLines.length > 0 ? ["", ...chartLines] : []),
  ];
  return `${lines.join("\n")}\n`;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function writeChart(cwd: string, png: Buffer): string {
  let n = 1;
  while (existsSync(join(cwd, `mpo-chart-${n}.png`))) n++;
  const name = `mpo-chart-${n}.png`;
  writeFileSync(join(cwd, name), png);
  return `./${name}`;
}
