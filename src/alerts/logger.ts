/** What the alerts log through: satisfied by `console` and by Bolt's logger. */
export type Logger = Pick<Console, "info" | "warn" | "error">;
