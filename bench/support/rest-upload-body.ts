import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBigCsv } from "../big-csv.js";

/** `POST /analytics/upload-csv` takes bodies up to this size (create-http-app.ts). */
export const UPLOAD_LIMIT_BYTES = 50 * 1024 * 1024;
export const WEBHOOK_SECRET = "bench-webhook-secret-0123456789";

/** Rows of the generic export that stay under the limit once wrapped in a multipart form. */
const ROWS = 850_000;

/** A generic export just under the route's limit, as the multipart form a client sends it in. */
export async function restUploadBody(): Promise<{ bytes: Uint8Array<ArrayBuffer>; contentType: string }> {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const csv = await ensureBigCsv(join(root, "bench/out/rest-upload.csv"), ROWS);
  const form = new FormData();
  form.set("file", new Blob([readFileSync(csv.path)]), "rest-upload.csv");
  const request = new Request("http://127.0.0.1/", { method: "POST", body: form });
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.length > UPLOAD_LIMIT_BYTES) throw new Error("the REST upload's body is over the route's limit");
  return { bytes, contentType: request.headers.get("content-type") as string };
}
