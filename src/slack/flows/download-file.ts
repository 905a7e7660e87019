import { IngestError } from "../../ingest/index.js";

/** Exports above this size are refused before download: a Slack upload of this size is a mistake. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/**
 * Downloads a shared file with the bot token. Slack answers a download without a valid token with a
 * sign-in page, not an error; that is recognised and said plainly rather than read as a broken CSV.
 */
export async function downloadFile(
  url: string,
  token: string,
  expectedBytes: number | undefined,
): Promise<Uint8Array> {
  if (expectedBytes !== undefined && expectedBytes > MAX_UPLOAD_BYTES) {
    throw new IngestError(
      `the file is ${(expectedBytes / 1e6).toFixed(0)} MB, over the ${MAX_UPLOAD_BYTES / 1e6} MB limit for uploads: export a shorter period or fewer columns, or use \`mpo analyze\` on your machine`,
    );
  }
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, redirect: "manual" });
  const type = response.headers.get("content-type") ?? "";
  if (!response.ok || type.includes("text/html")) {
    throw new DownloadError(
      `Slack did not hand over the file (HTTP ${response.status}): check that the app has the files:read scope`,
    );
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > MAX_UPLOAD_BYTES) {
    throw new IngestError(`the file is over the ${MAX_UPLOAD_BYTES / 1e6} MB limit for uploads`);
  }
  return bytes;
}

export class DownloadError extends Error {
  override readonly name = "DownloadError";
}
