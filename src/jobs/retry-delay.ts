const FIRST_RETRY_MS = 1_000;
const LONGEST_WAIT_MS = 60_000;

/**
 * How long to wait before running a failed job again: doubling from one second up to a minute, with
 * jitter so jobs that failed together (Slack rate-limiting a burst) do not all come back at once.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(LONGEST_WAIT_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.5 + random() / 2));
}
