/**
 * The app's logger: one line per event, key=value context, to stderr. Secrets never reach it: callers pass
 * ids and outcomes, never tokens or request bodies, and `redact` strips anything that looks like a token.
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

export function redact(text: string): string {
  return SECRET_PATTERNS.reduce((result, pattern) => result.replace(pattern, "[redacted]"), text);
}

export function createLogger(options: { level?: Level; write?: (line: string) => void } = {}): Logger {
  const threshold = LEVELS.indexOf(options.level ?? "info");
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const log = (level: Level) => (message: string, context?: Record<string, unknown>) => {
    if (LEVELS.indexOf(level) < threshold) return;
    const details = context
      ? Object.entries(context)
          .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
          .join(" ")
      : "";
    write(redact(`${new Date().toISOString()} ${level} ${message}${details ? ` ${details}` : ""}`));
  };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}

/** For tests and tools that must stay quiet. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** The same logger for modules that log like `console` (message, then anything). */
export function consoleLike(logger: Logger): Pick<Console, "info" | "warn" | "error"> {
  const join = (parts: unknown[]) =>
    parts
      .map((part) =>
        typeof part === "string" ? part : part instanceof Error ? part.message : JSON.stringify(part),
      )
      .join(" ");
  return {
    info: (...parts: unknown[]) => logger.info(join(parts)),
    warn: (...parts: unknown[]) => logger.warn(join(parts)),
    error: (...parts: unknown[]) => logger.error(join(parts)),
  };
}
