import type { Logger } from "../../log/logger.js";
import type { Store } from "../../store/index.js";
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
 * Takes webhook deliveries through one commit queue and settles each only after its records are committed,
 * then tells the listener. Both webhook paths share it, so they also share group commits.
 */
export function deliveryReceiver(
  store: Store,
  onLiveData: ((arrived: LiveDataArrived) => void) | undefined,
  logger: Pick<Logger, "error">,
): ReceiveDelivery {
  const commits = new CommitQueue(store);
  const names = new FieldNameBudget();
  return async (request) => {
    const answer = await commits.submit((tx) => ingestDelivery(tx, request, names));
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
