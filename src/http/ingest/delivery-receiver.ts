import type { Logger } from "../../log/logger.js";
import type { Store, Workspace } from "../../store/index.js";
import { BUSY, runNowOf } from "../../store/sqlite/sqlite-async-store.js";
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

/** The answer at once when the delivery was committed at once, else a promise; a failure is always a rejected promise. */
export type ReceiveDelivery = (request: IngestRequest) => IngestAnswer | Promise<IngestAnswer>;

/**
 * The single workspace the app is installed in with SLACK_BOT_TOKEN (or the sandbox's): rows sent with
 * WEBHOOK_SECRET are its rows. Else why such a delivery is refused: there is no single workspace (several
 * through OAuth), or it is not known yet.
 */
export type HomeWorkspace = () => Promise<
  { workspace: Workspace } | { refusal: { status: 403 | 503; message: string } }
>;

export interface DeliveryReceiverOptions {
  /** Told after live records are committed. */
  onLiveData?: (arrived: LiveDataArrived) => void;
  /**
   * Writes what new live records call for in their own transaction, after them (the alert evaluation's
   * job): it commits with them or not at all, and when it throws the delivery stores nothing.
   */
  withLiveData?: (tx: Store) => Promise<void>;
  logger: Pick<Logger, "error">;
  homeWorkspace?: HomeWorkspace;
}

/**
 * Takes webhook deliveries and settles each only after its records are committed, then tells the listener.
 * Both webhook paths share it. A delivery that came with a workspace's own secret is that workspace's; any
 * other is the home workspace's.
 *
 * On SQLite, a delivery that needs nothing asynchronous (no alert evaluation to write, no home workspace
 * to look up) and finds no commit in flight or queued is committed at once, in one synchronous stretch:
 * nothing else can run between its statements, so it needs no queue and makes no promise. Otherwise it
 * joins the commit queue, which shares one commit among the deliveries that wait for it, in arrival order.
 */
export function deliveryReceiver(store: Store, options: DeliveryReceiverOptions): ReceiveDelivery {
  const { onLiveData, withLiveData, logger, homeWorkspace } = options;
  const commits = new CommitQueue(store);
  const names = new FieldNameBudget();
  const runNow = withLiveData ? undefined : runNowOf(store);

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

  const queued = async (request: IngestRequest): Promise<IngestAnswer> => {
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

  return (request) => {
    // Queued deliveries go first: a record sent twice must end as its later sending says.
    if (runNow && commits.idle && (request.workspace || !homeWorkspace)) {
      let answer: IngestAnswer | typeof BUSY;
      try {
        answer = runNow((tx) => ingestDeliveryNow(tx, request, names));
      } catch (error) {
        return Promise.reject(error);
      }
      if (answer !== BUSY) return told(answer);
    }
    return queued(request);
  };
}
