import type { RememberedResponse, Store, StoredResponse } from "./store.js";

/** A response kept under an idempotency key, as both engines store it. */
export interface KeptResponses {
  find(key: string): Promise<KeptResponse | undefined> | KeptResponse | undefined;
  keep(key: string, fingerprint: string, response: StoredResponse): Promise<void> | void;
}

export interface KeptResponse {
  fingerprint: string;
  status: number;
  body: string;
}

/**
 * `rememberResponse`'s work inside its transaction `tx`: the response kept under `key` replayed, a
 * different request under the same key refused, or `produce` run and its response kept.
 */
export async function replayOrProduce(
  tx: Store,
  key: string,
  fingerprint: string,
  produce: (tx: Store) => Promise<StoredResponse>,
  kept: KeptResponses,
): Promise<RememberedResponse> {
  const earlier = await kept.find(key);
  if (earlier) {
    if (earlier.fingerprint !== fingerprint) return { outcome: "conflict" };
    return { outcome: "replayed", response: { status: earlier.status, body: earlier.body } };
  }
  const response = await produce(tx);
  // A server error is not an answer to replay: the retry deserves another try.
  if (response.status < 500) await kept.keep(key, fingerprint, response);
  return { outcome: "fresh", response };
}
