import { createLogger, type Logger } from "../log/logger.js";

/** Where the analyst reports what operators should know (flagged figures, fallbacks, tool bugs). */
export type AnalystLogger = Pick<Logger, "warn">;

/** The app's logger, for callers that pass none (the CLI). */
export const stderrLogger: AnalystLogger = createLogger();

export { silentLogger } from "../log/logger.js";
