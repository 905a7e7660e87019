import type { WorkspaceStore } from "./store/workspace-store.js";

/**
 * Stores the bytes POSTed to an `upload_url`. The file exists for the app only after
 * `files.completeUploadExternal`. Returns false for an unknown ticket.
 */
export function receiveUploadBytes(store: WorkspaceStore, ticket: string, bytes: Buffer): boolean {
  for (const upload of store.uploads.values()) {
    if (upload.ticket === ticket) {
      upload.bytes = bytes;
      return true;
    }
  }
  return false;
}
