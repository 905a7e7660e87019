/** Why Gemini gave no usable answer; the person gets the offline answer and a one-line note, never this. */
export type GeminiFailureReason =
  | "rate_limited"
  | "unavailable"
  | "timeout"
  | "network"
  | "rejected"
  | "bad_response"
  | "step_limit";

const NOTES: Record<GeminiFailureReason, string> = {
  rate_limited: "Gemini is rate-limited right now",
  unavailable: "Gemini is unavailable right now",
  timeout: "Gemini took too long to answer",
  network: "Gemini could not be reached",
  rejected: "Gemini refused the request (check GEMINI_API_KEY and GEMINI_MODEL)",
  bad_response: "Gemini sent an answer that could not be used",
  step_limit: "Gemini needed more steps than allowed",
};

export class GeminiFailure extends Error {
  override readonly name = "GeminiFailure";

  constructor(
    readonly reason: GeminiFailureReason,
    detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

/** The short note shown above an offline answer that stands in for Gemini's. */
export function fallbackNote(reason: GeminiFailureReason): string {
  return `${NOTES[reason]}, so this answer comes from the built-in analyst.`;
}
