/** What the HTTP layer logs through: satisfied by `console` and by Bolt's logger. */
export type Logger = Pick<Console, "warn" | "error">;
