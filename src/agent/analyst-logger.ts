/** Where the analyst reports what operators should know (flagged figures, fallbacks, tool bugs). */
export interface AnalystLogger {
  warn(message: string): void;
}

export const stderrLogger: AnalystLogger = {
  warn: (message) => process.stderr.write(`[analyst] ${message}\n`),
};

export const silentLogger: AnalystLogger = { warn: () => {} };
