import { STANDARD_DIMENSIONS } from "../ingest/fact-table.js";
import { METRICS } from "../metrics/index.js";

export const COMMANDS = ["analyze", "chart", "ask", "serve"] as const;
export type Command = (typeof COMMANDS)[number];

export const USAGE = [
  "usage:",
  "  mpo analyze <file>... [--by <dimension>] [--json] [--rate FROM:TO=RATE]",
  "  mpo chart <file> --metric <metric> [--by <dimension>|--over day|week|month] --out <png>",
  '  mpo ask <file>... "<question>"',
  "  mpo serve            (the same as npm start)",
  "",
  "mpo <command> --help describes one command.",
].join("\n");

const METRICS_LINE = `Metrics: ${METRICS.join(", ")}.`;
const METRICS_NAMED = `Questions can name these metrics: ${METRICS.join(", ")}.`;
const DIMENSIONS_LINE = `Dimensions: ${STANDARD_DIMENSIONS.join(", ")}, or any other text column by its header name.`;
const FILES_LINE =
  "<file> is an ad-platform export (Meta Ads, Google Ads, TikTok, LinkedIn, GA4, Shopify) or any CSV or .xlsx.";

const HELP: Record<Command, string[]> = {
  analyze: [
    "usage: mpo analyze <file>... [--by <dimension>] [--json] [--rate FROM:TO=RATE]",
    "",
    "Reads an export and prints its totals and KPIs, with changes over the last period when it has dates.",
    "Several files are blended: totals across them, with platform and source file as dimensions.",
    "",
    "Options:",
    "  --by <dimension>   also break the figures down by this dimension, sorted by spend",
    "  --json             print one JSON object instead of text (see the README for its fields)",
    "  --rate FROM:TO=R   convert files in FROM into TO at R (GBP:USD=1.27); different currencies are",
    "                     never added without one",
    "  -h, --help         show this help",
    "",
    FILES_LINE,
    METRICS_LINE,
    DIMENSIONS_LINE,
    "",
    "Example: mpo analyze export.csv --by campaign",
  ],
  chart: [
    "usage: mpo chart <file> --metric <metric> [--by <dimension>|--over day|week|month] --out <png>",
    "",
    "Draws one chart of an export to a PNG file.",
    "",
    "Options:",
    "  --metric <metric>  the figure to draw (required)",
    "  --out <png>        the PNG file to write (required)",
    "  --by <dimension>   a bar per value of this dimension",
    "  --over <grain>     a trend by day, week or month (daily trends mark unusual days)",
    "  -h, --help         show this help",
    "With neither --by nor --over: a weekly trend when the file has dates, else a breakdown by campaign.",
    "",
    FILES_LINE,
    METRICS_LINE,
    DIMENSIONS_LINE,
    "",
    "Example: mpo chart export.csv --metric roas --by campaign --out roas.png",
  ],
  ask: [
    'usage: mpo ask <file>... "<question>" [--rate FROM:TO=RATE]',
    "",
    "Answers a question about an export (or several, blended) in plain language: with Gemini when GEMINI_API_KEY is set, else",
    "with the offline analyst. Charts it draws are written as ./mpo-chart-<n>.png.",
    "",
    "Options:",
    "  -h, --help         show this help",
    "",
    FILES_LINE,
    METRICS_NAMED,
    DIMENSIONS_LINE,
    "",
    'Example: mpo ask export.csv "which campaigns should I cut?"',
    'Example: mpo ask google.csv meta.csv "blended ROAS across google and meta"',
  ],
  serve: [
    "usage: mpo serve",
    "",
    "Starts the Slack app and its HTTP server, the same as npm start. Without SLACK_BOT_TOKEN and",
    "SLACK_SIGNING_SECRET it runs the local Slack sandbox; the README lists every setting.",
    "",
    "Options:",
    "  -h, --help         show this help",
    "",
    "Settings come from the environment (and .env): PORT, DATABASE_URL, GEMINI_API_KEY, WEBHOOK_SECRET…",
    METRICS_NAMED,
    DIMENSIONS_LINE,
  ],
};

export function isCommand(name: string | undefined): name is Command {
  return (COMMANDS as readonly (string | undefined)[]).includes(name);
}

/** The help text of one command, options first, then the metrics and dimensions it accepts. */
export function commandHelp(command: Command): string {
  return `${HELP[command].join("\n")}\n`;
}

/** The usage line of one command and where its help is, printed after a mistake in calling it. */
export function commandUsage(command: Command): string {
  return `${HELP[command][0]}\nmpo ${command} --help lists its options, metrics and dimensions.`;
}

/** `--help` or `-h` anywhere before a `--` asks for help, as most command-line tools read it. */
export function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf("--");
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === "--help" || arg === "-h");
}
