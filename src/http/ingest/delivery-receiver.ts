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
 * The single workspace the app is installed in with SLACK_BOT_TOKEN (or the sandbox's), once known: rows
 * sent with WEBHOOK_SECRET are its rows. Null when there is none (several workspaces through OAuth only).
 */
export type HomeWorkspace = () => Promise<Workspace | null>;

/**
 * Takes webhook deliveries through one commit queue and settles each only after its records are committed,
 * then tells the listener. Both webhook paths share it, so they also share group commits. A delivery that
 * came with a workspace's own secret is that workspace's; any other is the home workspace's.
 */
export function deliveryReceiver(
  store: Store,
  onLiveData: ((arrived: LiveDataArrived) => void) | undefined,
  logger: Pick<Logger, "error">,
  homeWorkspace?: HomeWorkspace,
): ReceiveDelivery {
  const commits = new CommitQueue(store);
  const names = new FieldNameBudget();
  return async (request) => {
    const workspace = request.workspace ?? (await homeWorkspace?.()) ?? undefined;
    const answer = await commits.submit((tx) => ingestDelivery(tx, { ...request, workspace }, names));
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
