type LogLine = (message: string, context?: Record<string, unknown>) => void;

export interface ThrottleOptions {
  /** Lines written per window; the rest are counted, and the count is written with the next line let through. */
  limit: number;
  windowMs: number;
  now?: () => number;
}

/**
 * A log line that an outsider can trigger at will (a refused signature) is written at most `limit` times a
 * window: a flood of bad requests then costs a few lines, not one per request, and the count of those left
 * out still reaches the log.
 */
export function throttled(log: LogLine, options: ThrottleOptions): LogLine {
  const now = options.now ?? Date.now;
  let windowStart = Number.NEGATIVE_INFINITY;
  let written = 0;
  let skipped = 0;
  return (message, context) => {
    const at = now();
    if (at - windowStart >= options.windowMs) {
      windowStart = at;
      written = 0;
    }
    if (written >= options.limit) {
      skipped += 1;
      return;
    }
    written += 1;
    if (skipped > 0) {
      log(message, { ...context, similarLinesNotLogged: skipped });
      skipped = 0;
    } else log(message, context);
  };
}
