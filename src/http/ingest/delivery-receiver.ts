import type { Logger } from "../../log/logger.js";
import type { Store, Workspace } from "../../store/index.js";
import { CommitQueue } from "./commit-queue.js";
import { FieldNameBudget } from "./field-name-budget.js";
import { type IngestAnswer, type IngestRequest, ingestDelivery } from "./ingest-service.js";

export interface LiveDataArrived {
  source: string;
  /** Records stored or updated. */
  changed: number;
}

export type ReceiveDelivery = (request: IngestRequest) => Promise<IngestAnswer>;

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
 * Takes webhook deliveries through one commit queue and settles each only after its records are committed,
 * then tells the listener. Both webhook paths share it, so they also share group commits. A delivery that
 * came with a workspace's own secret is that workspace's; any other is the home workspace's.
 */
export function deliveryReceiver(store: Store, options: DeliveryReceiverOptions): ReceiveDelivery {
  const { onLiveData, withLiveData, logger, homeWorkspace } = options;
  const commits = new CommitQueue(store);
  const names = new FieldNameBudget();
  return async (request) => {
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
}
