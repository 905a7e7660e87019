import type { Logger } from "../../log/logger.js";
import type { Store, Workspace } from "../../store/index.js";
import type { ImmediateTx } from "../../store/sqlite/sqlite-async-store.js";
import { CommitQueue } from "./commit-queue.js";
import { FieldNameBudget } from "./field-name-budget.js";
import {
  type IngestAnswer,
  type IngestRequest,
  ingestDelivery,
  ingestDeliveryNow,
} from "./ingest-service.js";

export interface LiveDataArrived {
  source: string;
  /** Records stored or updated. */
  changed: number;
}

/** Told a delivery's answer once its records are committed, or the error that kept them from it. */
export type Delivered = (outcome: { ok: true; answer: IngestAnswer } | { ok: false; error: unknown }) => void;

export interface ReceiveDelivery {
  (request: IngestRequest): Promise<IngestAnswer>;
  /** The same, told to `done`: on SQLite a delivery then makes no promise on its way to the commit. */
  deliver(request: IngestRequest, done: Delivered): void;
}

/**
 * The single workspace the app is installed in with SLACK_BOT_TOKEN (or the sandbox's): rows sent with
 * WEBHOOK_SECRET are its rows. Else why such a delivery is refused: there is no single workspace (several
 * through OAuth), or it is not known yet.
 */
export type HomeWorkspace = (() => Promise<
  { workspace: Workspace } | { refusal: { status: 403 | 503; message: string } }
>) & {
  /** The workspace once learned, so a delivery need not wait for a promise to know it. */
  known?: () => Workspace | undefined;
};

export interface DeliveryReceiverOptions {
  /** Told after live records are committed. */
  onLiveData?: (arrived: LiveDataArrived) => void;
  /**
   * Writes what new live records call for in their own transaction, after them (the alert evaluation's
   * job): it commits with them or not at all, and when it throws the delivery stores nothing.
   */
  withLiveData?: (tx: Store) => Promise<void>;
  /** `withLiveData` for a transaction run at once (SQLite); without it such deliveries are awaited. */
  withLiveDataNow?: (tx: ImmediateTx) => void;
  logger: Pick<Logger, "error">;
  homeWorkspace?: HomeWorkspace;
}

/**
 * Takes webhook deliveries through one commit queue and answers each only after its records are committed,
 * then tells the listener. Both webhook paths share it, so they also share group commits. A delivery that
 * came with a workspace's own secret is that workspace's; any other is the home workspace's.
 *
 * A delivery that needs nothing asynchronous (its alert evaluation written synchronously or not at all, its
 * workspace known) gives the queue its synchronous form too, which SQLite runs without a promise.
 */
export function deliveryReceiver(store: Store, options: DeliveryReceiverOptions): ReceiveDelivery {
  const { onLiveData, withLiveData, withLiveDataNow, logger, homeWorkspace } = options;
  const commits = new CommitQueue(store);
  const names = new FieldNameBudget();

  const told = (answer: IngestAnswer): IngestAnswer => {
    if (answer.changed > 0 && answer.source !== null && onLiveData) {
      try {
        onLiveData({ source: answer.source, changed: answer.changed });
      } catch (error) {
        // The records are committed: a listener's failure must not turn their receipt into an error.
        logger.error("live data listener failed after a webhook delivery", { source: answer.source, error });
      }
    }
    return answer;
  };

  const awaiting = async (request: IngestRequest): Promise<IngestAnswer> => {
    let workspace = request.workspace;
    if (!workspace && homeWorkspace) {
      const home = await homeWorkspace();
      if ("refusal" in home) {
        const { status, message } = home.refusal;
        return { status, body: JSON.stringify({ error: message }), changed: 0, source: null };
      }
      workspace = home.workspace;
    }
    const answer = await commits.submit(async (tx) => {
      const delivered = await ingestDelivery(tx, { ...request, workspace }, names);
      if (delivered.changed > 0 && withLiveData) await withLiveData(tx);
      return delivered;
    });
    return told(answer);
  };

  const deliver = (request: IngestRequest, done: Delivered): void => {
    const workspace = request.workspace ?? homeWorkspace?.known?.();
    if ((withLiveData && !withLiveDataNow) || (!workspace && homeWorkspace)) {
      awaiting(request).then(
        (answer) => done({ ok: true, answer }),
        (error: unknown) => done({ ok: false, error }),
      );
      return;
    }
    const known = workspace ? { ...request, workspace } : request;
    commits.enqueue({
      work: async (tx) => {
        const delivered = await ingestDelivery(tx, known, names);
        if (delivered.changed > 0 && withLiveData) await withLiveData(tx);
        return delivered;
      },
      now: (tx) => {
        const delivered = ingestDeliveryNow(tx, known, names);
        if (delivered.changed > 0) withLiveDataNow?.(tx);
        return delivered;
      },
      settle: (outcome) => done(outcome.ok ? { ok: true, answer: told(outcome.value) } : outcome),
    });
  };

  const receive = (request: IngestRequest) =>
    new Promise<IngestAnswer>((resolve, reject) =>
      deliver(request, (outcome) => (outcome.ok ? resolve(outcome.answer) : reject(outcome.error))),
    );
  return Object.assign(receive, { deliver });
}
