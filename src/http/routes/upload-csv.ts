import type { Handler } from "hono";
import { analyzeExportThen, IngestError } from "../../ingest/index.js";
import { type AnalysisOutcome, analysisFollowUp } from "../../report/analysis-follow-up.js";
import { errorResponse, type HttpEnv } from "../http-env.js";

/**
 * A CSV or .xlsx export in, the JSON of `mpo analyze --json` out (the seed's batch analysis). The file
 * arrives as the multipart field `file`; `by` (query or form field) adds a breakdown by that dimension.
 */
export function uploadCsvRoute(): Handler<HttpEnv> {
  return async (c) => {
    const form = await formOf(c.get("rawBody"), c.req.header("content-type") ?? "");
    if (!form) return errorResponse(c, 400, "the body is not valid multipart/form-data");
    const file = form.get("file");
    if (!(file instanceof File)) {
      return errorResponse(
        c,
        422,
        'file: expected the export (CSV or .xlsx) as a file in the multipart field "file"',
      );
    }
    const byField = form.get("by");
    const by =
      c.req.query("by") ??
      (typeof byField === "string" && byField.trim() !== "" ? byField.trim() : undefined);
    try {
      // The file's bytes are this request's own, so they move to the worker rather than being copied.
      const { result } = await analyzeExportThen<AnalysisOutcome>(
        { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name || "upload.csv" },
        analysisFollowUp({ by }),
        { handOver: true },
      );
      if ("refusal" in result) return errorResponse(c, 422, result.refusal);
      return c.json(result.json);
    } catch (error) {
      if (error instanceof IngestError) return errorResponse(c, 422, error.message);
      throw error;
    }
  };
}

/** The form, parsed from the bytes already read (and authenticated), or null when it is not multipart. */
async function formOf(body: Uint8Array<ArrayBuffer>, contentType: string): Promise<FormData | null> {
  try {
    return await new Request("http://upload.local/", {
      method: "POST",
      headers: { "content-type": contentType },
      body,
    }).formData();
  } catch {
    return null;
  }
}
