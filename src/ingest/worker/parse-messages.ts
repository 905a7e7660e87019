import type { Dataset } from "../receipt.js";

/** A file to read: a path, or bytes (a Slack upload, an HTTP body) copied to the worker. */
export interface ParseRequest {
  id: number;
  input: { path: string; name?: string } | { bytes: Uint8Array; name: string };
}

export type ParseReply =
  | { id: number; dataset: Dataset }
  | { id: number; error: { message: string; readable: boolean } };
