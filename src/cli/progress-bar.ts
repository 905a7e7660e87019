const WIDTH = 30;
const REDRAW_MS = 100;

export interface ProgressBar {
  update(done: number, total: number): void;
  /** Clears the bar, so what follows starts on a clean line. */
  finish(): void;
}

/**
 * A progress bar for a terminal: nothing for work that ends within `delayMs` (most files), then one line
 * redrawn in place at most ten times a second. Written only where a person watches a terminal; the caller
 * decides that (stderr is a TTY and the output is not JSON).
 */
export function progressBar(
  write: (text: string) => void,
  now: () => number = () => performance.now(),
  delayMs = 1000,
): ProgressBar {
  const started = now();
  let drawnAt = Number.NEGATIVE_INFINITY;
  return {
    update(done, total) {
      const at = now();
      if (at - started < delayMs || at - drawnAt < REDRAW_MS || total <= 0) return;
      drawnAt = at;
      const share = Math.min(1, done / total);
      const filled = Math.round(share * WIDTH);
      write(
        `\r[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${Math.floor(share * 100)
          .toString()
          .padStart(3)}% read, ${megabytes(done)} of ${megabytes(total)} MB`,
      );
    },
    finish() {
      if (drawnAt !== Number.NEGATIVE_INFINITY) write("\r\u001b[2K");
    },
  };
}

const megabytes = (bytes: number) => Math.round(bytes / 1e6).toLocaleString("en-US");
