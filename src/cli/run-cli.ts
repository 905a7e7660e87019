import { IngestError } from "../ingest/index.js";
import { MetricsError } from "../metrics/index.js";
import { ANALYZE_USAGE, analyzeCommand } from "./analyze-command.js";
import { UsageError } from "./cli-error.js";

const USAGE = [
  "usage:",
  `  ${ANALYZE_USAGE}`,
  "  mpo chart <file> --metric <kpi> [--by <dimension>|--over day|week|month] --out <png>",
  '  mpo ask <file> "<question>"',
  "  mpo serve",
].join("\n");

export interface CliOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * Runs one `mpo` command and returns the exit code. Anything the user can fix (a file we cannot read, an
 * unknown dimension, a mistyped flag) is one line on stderr, never a stack trace.
 */
export async function runCli(argv: string[], output: CliOutput): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case "analyze":
        output.stdout(analyzeCommand(args));
        return 0;
      case undefined:
      case "help":
      case "--help":
      case "-h":
        output.stdout(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError || isArgumentError(error)) {
      output.stderr(`mpo: ${(error as Error).message}\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof IngestError || error instanceof MetricsError || isFileError(error)) {
      output.stderr(`mpo: ${describe(error as Error)}\n`);
      return 1;
    }
    throw error;
  }
}

function isArgumentError(error: unknown): boolean {
  return error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS");
}

function isFileError(error: unknown): error is NodeJS.ErrnoException {
  return (
    error instanceof Error && "code" in error && ["ENOENT", "EACCES", "EISDIR"].includes(String(error.code))
  );
}

function describe(error: Error): string {
  if (!isFileError(error)) return error.message;
  const path = error.path ?? "the file";
  if (error.code === "ENOENT") return `cannot read ${path}: no such file (check the path)`;
  if (error.code === "EISDIR") return `cannot read ${path}: it is a folder, not a file`;
  return `cannot read ${path}: permission denied`;
}
