import { parentPort } from "node:worker_threads";
import type { ExportInput } from "../export-source.js";
import { IngestError } from "../ingest-error.js";
import { loadExport } from "../load-export.js";
import type { Dataset } from "../receipt.js";
import type { ParseReply, ParseRequest } from "./parse-messages.js";

/** The worker side of the parse pool: reads one export at a time and hands its columns back without a copy. */
parentPort?.on("message", async ({ id, input }: ParseRequest) => {
  let reply: ParseReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const dataset = await loadExport(input as ExportInput);
    reply = { id, dataset };
    transfer = buffersOf(dataset);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    reply = { id, error: { message, readable: error instanceof IngestError } };
  }
  parentPort?.postMessage(reply, transfer);
});

function buffersOf(dataset: Dataset): ArrayBuffer[] {
  const { facts } = dataset;
  const arrays = [
    ...Object.values(facts.measures),
    ...Object.values(facts.extraMeasures),
    ...Object.values(facts.dimensions).map((column) => column.codes),
    ...(facts.days ? [facts.days] : []),
  ];
  return [...new Set(arrays.map((array) => array.buffer as ArrayBuffer))];
}
