/** Keeps an API key out of anything logged, whatever a library put in its error message. */
export function redactSecret(text: string, secret: string | undefined): string {
  if (!secret) return text;
  return text.split(secret).join("[redacted]");
}
