/**
 * The app's one logger: one line per event to stderr, JSON lines when stderr is not a terminal (what log
 * collectors read), `time level message key=value` in a terminal. Secrets never reach it: callers pass ids
 * and outcomes, never tokens or request bodies, and `redact` strips anything that looks like a token, plus
 * the exact secrets the logger was given (an API key a library quoted in its error message).
 */
export interface Logger {
  debug(message: string, context?: Record<string, unknown>): void;
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

const LEVELS = ["debug", "info", "warn", "error"] as const;
type Level = (typeof LEVELS)[number];

const SECRET_PATTERNS = [
  /xox[abposr]-[A-Za-z0-9-]+/g,
  /xapp-[A-Za-z0-9-]+/g,
  /AIza[0-9A-Za-z_-]{20,}/g,
  /sha256=[0-9a-f]{16,}/g,
];

/** The text with token-shaped strings and each of `secrets` replaced by "[redacted]". */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  const patterned = SECRET_PATTERNS.reduce((result, pattern) => result.replace(pattern, "[redacted]"), text);
  return secrets.reduce<string>(
    (result, secret) => (secret ? result.split(secret).join("[redacted]") : result),
    patterned,
  );
}

export interface LoggerOptions {
  level?: Level;
  /** JSON lines, or readable text; JSON unless stderr is a terminal. */
  format?: "json" | "text";
  /** Exact values never to be written, whatever carries them. */
  secrets?: readonly (string | undefined)[];
  write?: (line: string) => void;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = LEVELS.indexOf(options.level ?? "info");
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const format = options.format ?? (process.stderr.isTTY ? "text" : "json");
  const secrets = options.secrets ?? [];
  const log = (level: Level) => (message: string, context?: Record<string, unknown>) => {
    if (LEVELS.indexOf(level) < threshold) return;
    const time = new Date().toISOString();
    const fields = Object.entries(context ?? {}).map(([key, value]) => [key, plain(value)] as const);
    const line =
      format === "json"
        ? JSON.stringify({ time, level, msg: message, ...Object.fromEntries(fields) })
        : [
            `${time} ${level} ${message}`,
            ...fields.map(
              ([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`,
            ),
          ].join(" ");
    write(redact(line, secrets));
  };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}

/** Errors are logged by their message: JSON has no form for them, and their stacks name our files only. */
function plain(value: unknown): unknown {
  return value instanceof Error ? value.message : value;
}

/** For tests and tools that must stay quiet. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
