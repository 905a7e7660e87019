import { createHash } from "node:crypto";
import type { LiveRecord, Store, StoredResponse } from "../../store/index.js";
import { parseJsonBody } from "../body/parse-json-body.js";
import { checkRecord, openEnvelope } from "./webhook-payload.js";

export interface IngestRequest {
  body: Uint8Array;
  /** The `Idempotency-Key` header, when sent. */
  idempotencyKey?: string;
}

export interface IngestAnswer extends StoredResponse {
  /** Records stored or updated by this request (0 for a replayed or refused one). */
  changed: number;
  source: string | null;
}

export interface RejectedRecord {
  index: number;
  errors: string[];
}

const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;

/**
 * A webhook delivery from parse to commit. Good records are stored in one transaction even when others in
 * the batch are rejected (each rejection is reported with its index and reasons). With an Idempotency-Key
 * the answer is kept in the same transaction as the records, so a retry after a lost response, or after
 * a crash, gets the same answer and stores nothing twice.
 */
export function ingestDelivery(store: Store, request: IngestRequest): IngestAnswer {
  const { idempotencyKey } = request;
  if (idempotencyKey !== undefined && !KEY_FORMAT.test(idempotencyKey)) {
    return refusal(400, "Idempotency-Key must be 1 to 255 visible ASCII characters (a UUID is ideal)");
  }
  const parsed = parseJsonBody(request.body);
  if (!parsed.ok) return refusal(400, parsed.message, parsed.position ? { at: parsed.position } : {});
  const envelope = openEnvelope(parsed.value);
  if (!envelope.ok) return refusal(envelope.status, envelope.message);

  const accepted: LiveRecord[] = [];
  const rejected: RejectedRecord[] = [];
  envelope.records.forEach((value, index) => {
    const check = checkRecord(value);
    if (check.ok) accepted.push(check.record);
    else rejected.push({ index, errors: check.errors });
  });

  let changed = 0;
  const produce = (): StoredResponse => {
    if (accepted.length === 0) {
      return json(422, {
        error:
          rejected.length === 1 ? "the record was rejected" : `all ${rejected.length} records were rejected`,
        accepted: 0,
        rejected,
      });
    }
    const outcomes = store.saveLiveBatch({ source: envelope.source, records: accepted });
    const count = (outcome: string) => outcomes.filter((each) => each === outcome).length;
    const stored = count("stored");
    const updated = count("updated");
    changed = stored + updated;
    return json(200, {
      ok: true,
      source: envelope.source,
      accepted: accepted.length,
      stored,
      updated,
      duplicates: count("duplicate"),
      rejected,
    });
  };

  if (idempotencyKey === undefined) return { ...produce(), changed, source: envelope.source };
  const fingerprint = createHash("sha256").update(request.body).digest("hex");
  const remembered = store.rememberResponse(`webhook:${idempotencyKey}`, fingerprint, produce);
  if (remembered.outcome === "conflict") {
    return refusal(
      422,
      "this Idempotency-Key was already used for a different body: use a new key for new data, the same key only to retry the same body",
    );
  }
  return { ...remembered.response, changed, source: envelope.source };
}

function json(status: number, body: unknown): StoredResponse {
  return { status, body: JSON.stringify(body) };
}

function refusal(status: number, message: string, details: Record<string, unknown> = {}): IngestAnswer {
  return { ...json(status, { error: message, ...details }), changed: 0, source: null };
}
