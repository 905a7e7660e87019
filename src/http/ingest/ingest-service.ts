import { createHash } from "node:crypto";
import type { LiveOutcome, LiveRecord, Store, StoredResponse, Workspace } from "../../store/index.js";
import type { ImmediateTx } from "../../store/sqlite/sqlite-async-store.js";
import { parseJsonBody } from "../body/parse-json-body.js";
import type { FieldNameBudget, SourceNames } from "./field-name-budget.js";
import { checkRecord, openEnvelope, type RecordCheck } from "./webhook-payload.js";

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
  budget: FieldNameBudget,
): Promise<IngestAnswer> {
  const opened = openDelivery(request);
  if (!("checks" in opened)) return opened;
  const { source } = opened;
  const { workspace } = request;
  const names = opened.needsNames ? await budget.namesOf(store, source, workspace) : null;
  const { accepted, rejected } = admitRecords(opened, names, budget);
  const storeRecords = async (tx: Store) =>
    outcomeOf(
      accepted.length ? await tx.saveLiveBatch({ source, records: accepted, workspace }) : [],
      opened,
      rejected,
    );
  const key = keyOf(request, accepted);
  if (key === undefined) return answered(await storeRecords(store), source);
  let changed = 0;
  const remembered = await store.rememberResponse(key, fingerprintOf(request), async (tx) => {
    const outcome = await storeRecords(tx);
    changed = outcome.changed;
    return outcome.response;
  });
  if (remembered.outcome === "conflict") return keyConflict();
  return { ...remembered.response, changed, source };
}

/**
 * `ingestDelivery` inside a transaction that runs at once (`runNowOf`): the same steps, each statement
 * answered synchronously, so a delivery creates no promise on its way to the commit.
 */
export function ingestDeliveryNow(
  tx: ImmediateTx,
  request: IngestRequest,
  budget: FieldNameBudget,
): IngestAnswer {
  const opened = openDelivery(request);
  if (!("checks" in opened)) return opened;
  const { source } = opened;
  const { workspace } = request;
  const { tables, responses } = tx;
  const names = opened.needsNames ? budget.namesNow(tables.liveFieldNames, source, workspace) : null;
  const { accepted, rejected } = admitRecords(opened, names, budget);
  const storeRecords = () =>
    outcomeOf(
      accepted.length ? tables.saveLiveBatch({ source, records: accepted, workspace }) : [],
      opened,
      rejected,
    );
  const key = keyOf(request, accepted);
  if (key === undefined) return answered(storeRecords(), source);
  // `rememberResponse`'s steps (store/replay-or-produce.ts), in this transaction.
  const fingerprint = fingerprintOf(request);
  const earlier = responses.find(key);
  if (earlier) {
    if (earlier.fingerprint !== fingerprint) return keyConflict();
    return { status: earlier.status, body: earlier.body, changed: 0, source };
  }
  const outcome = storeRecords();
  if (outcome.response.status < 500) responses.keep(key, fingerprint, outcome.response);
  return answered(outcome, source);
}

/** A delivery's body read and each record checked, before the store is asked anything. */
interface OpenedDelivery {
  source: string;
  checks: RecordCheck[];
  /** Some record is a good metrics row, so its source's names are needed. */
  needsNames: boolean;
}

function openDelivery(request: IngestRequest): OpenedDelivery | IngestAnswer {
  const { idempotencyKey } = request;
  if (idempotencyKey !== undefined && !KEY_FORMAT.test(idempotencyKey)) {
    return refusal(400, "Idempotency-Key must be 1 to 255 visible ASCII characters (a UUID is ideal)");
  }
  const parsed = parseJsonBody(request.body);
  if (!parsed.ok) return refusal(400, parsed.message, parsed.position ? { at: parsed.position } : {});
  const envelope = openEnvelope(parsed.value);
  if (!envelope.ok) return refusal(envelope.status, envelope.message);
  const checks = envelope.records.map(checkRecord);
  const needsNames = checks.some((check) => check.ok && check.record.kind === "metrics");
  return { source: envelope.source, checks, needsNames };
}

/** The checked records sorted into stored and rejected, the source's name budget applied in order. */
function admitRecords(
  { source, checks }: OpenedDelivery,
  names: SourceNames | null,
  budget: FieldNameBudget,
): { accepted: LiveRecord[]; rejected: RejectedRecord[] } {
  const accepted: LiveRecord[] = [];
  const rejected: RejectedRecord[] = [];
  checks.forEach((check, index) => {
    const overBudget =
      check.ok && names && check.record.kind === "metrics"
        ? budget.admitTo(names, source, check.record)
        : null;
    if (!check.ok) rejected.push({ index, errors: check.errors });
    else if (overBudget) rejected.push({ index, errors: [overBudget] });
    else accepted.push(check.record);
  });
  return { accepted, rejected };
}

/** The key a delivery's answer is kept under, if any. */
function keyOf({ idempotencyKey, signature, workspace }: IngestRequest, accepted: readonly LiveRecord[]) {
  const plainKey =
    idempotencyKey !== undefined
      ? `webhook:${idempotencyKey}`
      : signature !== undefined && accepted.some((record) => record.externalId == null)
        ? `webhook-signature:${signature}`
        : undefined;
  // Two workspaces' tools may pick the same Idempotency-Key: each has its own.
  return plainKey === undefined || !workspace
    ? plainKey
    : `${plainKey}@${workspace.enterprise ?? ""}:${workspace.team ?? ""}`;
}

function fingerprintOf(request: IngestRequest): string {
  return createHash("sha256").update(request.body).digest("hex");
}

/** The answer to the stored records' outcomes (none when every record was rejected); `changed` counts new and corrected ones. */
function outcomeOf(
  outcomes: readonly LiveOutcome[],
  { source }: OpenedDelivery,
  rejected: readonly RejectedRecord[],
): { response: StoredResponse; changed: number } {
  if (outcomes.length === 0) {
    const error =
      rejected.length === 1 ? "the record was rejected" : `all ${rejected.length} records were rejected`;
    return { response: json(422, { error, accepted: 0, rejected }), changed: 0 };
  }
  let stored = 0;
  let updated = 0;
  let duplicates = 0;
  for (const outcome of outcomes) {
    if (outcome === "stored") stored += 1;
    else if (outcome === "updated") updated += 1;
    else duplicates += 1;
  }
  const answer = { ok: true, source, accepted: outcomes.length, stored, updated, duplicates, rejected };
  return { response: json(200, answer), changed: stored + updated };
}

function answered(
  { response, changed }: { response: StoredResponse; changed: number },
  source: string,
): IngestAnswer {
  return { status: response.status, body: response.body, changed, source };
}

function json(status: number, body: unknown): StoredResponse {
  return { status, body: JSON.stringify(body) };
}

function refusal(status: number, message: string, details: Record<string, unknown> = {}): IngestAnswer {
  return { ...json(status, { error: message, ...details }), changed: 0, source: null };
}

function keyConflict(): IngestAnswer {
  return refusal(
    422,
    "this Idempotency-Key was already used for a different body: use a new key for new data, the same key only to retry the same body",
  );
}
