import { createHash } from "node:crypto";
import type { LiveRecord, Store, StoredResponse, Workspace } from "../../store/index.js";
import { parseJsonBody } from "../body/parse-json-body.js";
import type { FieldNameBudget } from "./field-name-budget.js";
import { checkRecord, openEnvelope } from "./webhook-payload.js";

export interface IngestRequest {
  body: Uint8Array;
  /** The `Idempotency-Key` header, when sent. */
  idempotencyKey?: string;
  /** The hex of the body's verified X-MPO-Signature, when it was signed. */
  signature?: string;
  /** Whose rows these are: the workspace of the secret the delivery came with (unset: the unknown one). */
  workspace?: Workspace;
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
 * a crash, gets the same answer and stores nothing twice. A signed delivery without a key whose records lack
 * ids (records with ids are stored once anyway) is kept under its signature the same way: a captured
 * request replayed within the signature's window stores nothing.
 */
export async function ingestDelivery(
  store: Store,
  request: IngestRequest,
  names: FieldNameBudget,
): Promise<IngestAnswer> {
  const { idempotencyKey, workspace } = request;
  if (idempotencyKey !== undefined && !KEY_FORMAT.test(idempotencyKey)) {
    return refusal(400, "Idempotency-Key must be 1 to 255 visible ASCII characters (a UUID is ideal)");
  }
  const parsed = parseJsonBody(request.body);
  if (!parsed.ok) return refusal(400, parsed.message, parsed.position ? { at: parsed.position } : {});
  const envelope = openEnvelope(parsed.value);
  if (!envelope.ok) return refusal(envelope.status, envelope.message);

  const { source } = envelope;
  const { accepted, rejected } = await checkRecords(store, envelope.records, source, names, workspace);
  const plainKey =
    idempotencyKey !== undefined
      ? `webhook:${idempotencyKey}`
      : request.signature !== undefined && accepted.some((record) => record.externalId == null)
        ? `webhook-signature:${request.signature}`
        : undefined;
  // Two workspaces' tools may pick the same Idempotency-Key: each has its own.
  const key =
    plainKey === undefined || !workspace
      ? plainKey
      : `${plainKey}@${workspace.enterprise ?? ""}:${workspace.team ?? ""}`;
  if (key === undefined) {
    const { response, changed } = await storeRecords(store, source, accepted, rejected, workspace);
    return { status: response.status, body: response.body, changed, source };
  }
  let changed = 0;
  const fingerprint = createHash("sha256").update(request.body).digest("hex");
  const remembered = await store.rememberResponse(key, fingerprint, async (tx) => {
    const stored = await storeRecords(tx, source, accepted, rejected, workspace);
    changed = stored.changed;
    return stored.response;
  });
  if (remembered.outcome === "conflict") {
    return refusal(
      422,
      "this Idempotency-Key was already used for a different body: use a new key for new data, the same key only to retry the same body",
    );
  }
  return { ...remembered.response, changed, source };
}

async function checkRecords(
  store: Store,
  records: readonly unknown[],
  source: string,
  names: FieldNameBudget,
  workspace: Workspace | undefined,
): Promise<{ accepted: LiveRecord[]; rejected: RejectedRecord[] }> {
  const accepted: LiveRecord[] = [];
  const rejected: RejectedRecord[] = [];
  for (let index = 0; index < records.length; index++) {
    const check = checkRecord(records[index]);
    const overBudget =
      check.ok && check.record.kind === "metrics"
        ? await names.admit(store, source, check.record, workspace)
        : null;
    if (!check.ok) rejected.push({ index, errors: check.errors });
    else if (overBudget) rejected.push({ index, errors: [overBudget] });
    else accepted.push(check.record);
  }
  return { accepted, rejected };
}

/** Stores the accepted records (in the caller's transaction) and words the answer; `changed` counts new and corrected ones. */
async function storeRecords(
  store: Store,
  source: string,
  accepted: readonly LiveRecord[],
  rejected: readonly RejectedRecord[],
  workspace: Workspace | undefined,
): Promise<{ response: StoredResponse; changed: number }> {
  if (accepted.length === 0) {
    const error =
      rejected.length === 1 ? "the record was rejected" : `all ${rejected.length} records were rejected`;
    return { response: json(422, { error, accepted: 0, rejected }), changed: 0 };
  }
  let stored = 0;
  let updated = 0;
  let duplicates = 0;
  for (const outcome of await store.saveLiveBatch({ source, records: accepted, workspace })) {
    if (outcome === "stored") stored += 1;
    else if (outcome === "updated") updated += 1;
    else duplicates += 1;
  }
  const answer = { ok: true, source, accepted: accepted.length, stored, updated, duplicates, rejected };
  return { response: json(200, answer), changed: stored + updated };
}

function json(status: number, body: unknown): StoredResponse {
  return { status, body: JSON.stringify(body) };
}

function refusal(status: number, message: string, details: Record<string, unknown> = {}): IngestAnswer {
  return { ...json(status, { error: message, ...details }), changed: 0, source: null };
}
