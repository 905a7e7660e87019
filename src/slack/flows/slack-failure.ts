/** The Slack error code of a failed Web API call ("not_in_channel"), when there is one. */
export function slackErrorCode(error: unknown): string | null {
  if (error && typeof error === "object" && "data" in error) {
    const data = (error as { data?: { error?: unknown } }).data;
    if (typeof data?.error === "string") return data.error;
  }
  return null;
}

export function describeFailure(error: unknown): string {
  const code = slackErrorCode(error);
  if (code) return `Slack answered ${code}`;
  return error instanceof Error ? error.message : String(error);
}
