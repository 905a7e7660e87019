import { parentPort } from "node:worker_threads";
import { isShared } from "../column-storage.js";
import type { ExportInput } from "../export-source.js";
import type { DimensionColumn } from "../fact-table.js";
import { IngestError } from "../ingest-error.js";
import { loadExport } from "../load-export.js";
import type { Dataset } from "../receipt.js";
import type { FollowUp, FollowUpWork, ParseReply, ParseRequest } from "./parse-messages.js";

/** The worker side of the parse pool: reads one export at a time and hands its columns back without a copy. */
parentPort?.on("message", async ({ id, input, followUp }: ParseRequest) => {
  let reply: ParseReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const dataset = await loadExport(input as ExportInput);
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

/**
 * Text columns travel as their bytes: their `values` would otherwise be decoded here only to be copied, and
 * the pool decodes them on the other side when something asks (see textDimension).
 */
function withoutDecodedValues(dataset: Dataset): Dataset {
  const dimensions: Record<string, DimensionColumn> = {};
  for (const [name, column] of Object.entries(dataset.facts.dimensions)) {
    const text = column.text;
    dimensions[name] = text ? ({ codes: column.codes, text } as DimensionColumn) : column;
  }
  return { ...dataset, facts: { ...dataset.facts, dimensions } };
}

function buffersOf(dataset: Dataset): ArrayBuffer[] {
  const { facts } = dataset;
  const texts = [...Object.values(facts.dimensions), ...Object.values(facts.identifiers ?? {})].flatMap(
    (column) => (column.text ? [column.codes, column.text.bytes, column.text.offsets] : [column.codes]),
  );
  const arrays = [
    ...Object.values(facts.measures),
    ...Object.values(facts.extraMeasures),
    ...texts,
    ...(facts.days ? [facts.days] : []),
  ];
  // Columns of a file read in pieces live in shared memory: both threads see them already.
  return [...new Set(arrays.filter((array) => !isShared(array)).map((array) => array.buffer as ArrayBuffer))];
}
