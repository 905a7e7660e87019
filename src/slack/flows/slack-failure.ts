/** The Slack error code of a failed Web API call ("not_in_channel"), when there is one. */
export function slackErrorCode(error: unknown): string | null {
  if (error && typeof error === "object" && "data" in error) {
    const data = (error as { data?: { error?: unknown } }).data;
    if (typeof data?.error === "string") return data.error;
  }
  return null;
}

/** What went wrong, for the log: Slack's code, or the error's own message. */
export function describeFailure(error: unknown): string {
  const code = slackErrorCode(error);
  if (code) return `Slack answered ${code}`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * What went wrong, for the person in Slack: Slack's code, or that storage or our side failed. Never an
 * internal message ("The database connection is not open", a file path): those go to the log only.
 */
export function failureForPeople(error: unknown): string {
  const code = slackErrorCode(error);
  if (code) return `Slack answered ${code}`;
  if (isStorageFailure(error)) return "the app's storage is full or unavailable, so nothing was stored";
  return "an error on the app's side; it is in the app's log";
}

function isStorageFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (
    error.name === "SqliteError" ||
    (typeof code === "string" && code.startsWith("SQLITE_")) ||
    /database connection is not open/.test(error.message)
  );
}
