/**
 * Slack's answers that mean a schedule can never be delivered again: the channel was deleted or archived,
 * or the app was removed from it or from the workspace. Any other failure is retried as a job.
 */
const ENDING_ERRORS: ReadonlyMap<string, string> = new Map([
  ["channel_not_found", "the channel was deleted"],
  ["is_archived", "the channel was archived"],
  ["not_in_channel", "the app was removed from the channel"],
  ["account_inactive", "the app was removed from the workspace"],
  ["invalid_auth", "the app was removed from the workspace"],
  ["token_revoked", "the app was removed from the workspace"],
]);

/** Why a schedule ends for this Slack error code, or null when the code does not end it. */
export function endingReason(code: string | null): string | null {
  return code === null ? null : (ENDING_ERRORS.get(code) ?? null);
}
