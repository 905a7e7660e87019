import { ConfigError } from "../config/config-error.js";
import { IngestError } from "../ingest/index.js";
import { MetricsError } from "../metrics/index.js";
import { BlendError } from "../workspace-view/blend-error.js";
import { UsageError } from "./cli-error.js";
import { asksForHelp, commandHelp, commandUsage, isCommand, USAGE } from "./command-help.js";

// Each command is imported when run: the charts and the Gemini SDK take longer to load than
// `mpo analyze` takes to read a million rows.
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
  if (isCommand(command) && asksForHelp(args)) {
    output.stdout(commandHelp(command));
    return 0;
  }
  if ((command === "help" || command === "--help" || command === "-h") && isCommand(args[0])) {
    output.stdout(commandHelp(args[0]));
    return 0;
  }
  try {
    switch (command) {
      case "analyze": {
        const { analyzeCommand } = await import("./analyze-command.js");
        output.stdout(await analyzeCommand(args, output.stderr));
        return 0;
      }
      case "chart": {
        const { chartCommand } = await import("./chart-command.js");
        output.stdout(await chartCommand(args));
        return 0;
      }
      case "ask": {
        const { askCommand } = await import("./ask-command.js");
        output.stdout(await askCommand(args));
        return 0;
      }
      case "serve": {
        const { serve } = await import("../main.js");
        await serve();
        return 0;
      }
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
      const usage = isCommand(command) ? commandUsage(command) : USAGE;
      output.stderr(`mpo: ${(error as Error).message}\n${usage}\n`);
      return 2;
    }
    if (
      error instanceof IngestError ||
      error instanceof MetricsError ||
      error instanceof BlendError ||
      error instanceof ConfigError ||
      isFileError(error)
    ) {
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
