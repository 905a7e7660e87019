export type { ExportInput } from "./export-source.js";
export * from "./fact-table.js";
export { concatFactTables, type FactRecord, factTableFromRecords } from "./fact-table-builder.js";
export { IngestError } from "./ingest-error.js";
export { loadExport } from "./load-export.js";
export { type ReadOptions, readExport } from "./read-export.js";
export type { Dataset, DroppedRow, ParseReceipt, Platform, TotalsCheck } from "./receipt.js";
export type { FollowUp, FollowUpWork } from "./worker/parse-messages.js";
export {
  analyzeExport,
  analyzeExportThen,
  type FactsOf,
  type FollowedUp,
  ParsePool,
  type PoolReadOptions,
  workOnDataset,
} from "./worker/parse-pool.js";
