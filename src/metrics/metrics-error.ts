/**
 * A question the data cannot answer as asked (an unknown dimension, a date outside the calendar, a trend
 * over undated rows). The message is one line written for the person who asked, naming what was wrong
 * and what would work, because the CLI prints it and the agent relays it as is.
 */
export class MetricsError extends Error {
  override readonly name = "MetricsError";
}
