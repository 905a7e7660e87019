import type { Dataset } from "../receipt.js";

/**
 * Work done on a dataset in the worker that read it, before it is handed back: a module (its URL) whose
 * `followUp(dataset, input)` returns plain data. The upload reply's summary and charts are worked out this
 * way, so the event loop stays free; the module is loaded only by a worker asked to run it.
 */
export interface FollowUp {
  module: string;
  input: unknown;
}

/** What a follow-up module exports. */
export type FollowUpWork = (dataset: Dataset, input: unknown) => Promise<unknown>;

/**
 * A file to read: a path, or bytes (a Slack upload, an HTTP body) copied to the worker; or a dataset already
 * read (a stored one), sent for its follow-up only.
 */
export interface ParseRequest {
  id: number;
  input: { path: string; name?: string } | { bytes: Uint8Array; name: string } | { dataset: Dataset };
  followUp?: FollowUp;
}

export type ParseReply =
  | { id: number; dataset: Dataset; followedUp?: unknown }
  | { id: number; error: { message: string; readable: boolean } };
