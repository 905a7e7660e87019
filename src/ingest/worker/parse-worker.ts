import { parentPort } from "node:worker_threads";
import type { ExportInput } from "../export-source.js";
import { IngestError } from "../ingest-error.js";
import { loadExport } from "../load-export.js";
import type { Dataset } from "../receipt.js";
import { buffersOf, withLazyValues, withoutDecodedValues } from "./dataset-transfer.js";
import type { FollowUp, FollowUpWork, ParseReply, ParseRequest } from "./parse-messages.js";

/**
 * The worker side of the parse pool: reads one export at a time (or takes a dataset already read, sent to
 * run a follow-up on) and hands its columns back without a copy.
 */
parentPort?.on("message", async ({ id, input, followUp }: ParseRequest) => {
  let reply: ParseReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const dataset =
      "dataset" in input ? withLazyValues(input.dataset) : await loadExport(input as ExportInput);
    // Before the columns are moved to the other thread: after, this thread can no longer read them.
    const followedUp = followUp ? await runFollowUp(followUp, dataset) : undefined;
    const sent = withoutDecodedValues(dataset);
    reply = followUp ? { id, dataset: sent, followedUp } : { id, dataset: sent };
    transfer = buffersOf(sent);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    reply = { id, error: { message, readable: error instanceof IngestError } };
  }
  parentPort?.postMessage(reply, transfer);
});

async function runFollowUp(followUp: FollowUp, dataset: Dataset): Promise<unknown> {
  const { followUp: work } = (await import(followUp.module)) as { followUp: FollowUpWork };
  return work(dataset, followUp.input);
}
