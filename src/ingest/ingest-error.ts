/**
 * A file we cannot read, with a one-line message for a person: what was found, and what a usable file
 * looks like. The CLI prints it as is and the Slack app posts it in the thread, so it never carries a
 * stack trace or internal names.
 */
export class IngestError extends Error {
  override readonly name = "IngestError";
}
