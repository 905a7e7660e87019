import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { basename } from "node:path";
import type { ExportInput } from "./export-source.js";
import { IngestError } from "./ingest-error.js";
import { readExportInParallel } from "./parallel-read.js";
import { type ReadOptions, readExport } from "./read-export.js";
import type { Dataset, ParseReceipt } from "./receipt.js";
import { asExportRows } from "./sheet-rows.js";
import type { WorkbookTable } from "./workbook-table.js";

/** A workbook is read whole into memory (a zip's index is at its end); CSV has no such limit. */
const MAX_WORKBOOK_BYTES = 64 * 1024 * 1024;
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: a legacy .xls, or an .xlsx that a password has encrypted. */
const COMPOUND = [0xd0, 0xcf, 0x11, 0xe0];
const ENCRYPTED_PACKAGE = Buffer.from("EncryptedPackage", "utf16le");

/**
 * Reads any export a person downloads: text exports go straight to readExport; an .xlsx workbook's table
 * sheet becomes rows of cell texts that go through the same reader, so preambles, totals rows, locales and
 * the receipt work alike. Asynchronous because the workbook library is.
 */
export async function loadExport(input: ExportInput, options: ReadOptions = {}): Promise<Dataset> {
  const head = headOf(input);
  if (startsWith(head, COMPOUND) && isEncryptedWorkbook(input)) {
    throw new IngestError(
      "the Excel workbook is password-protected: open it in Excel, remove the password (File > Info > Protect Workbook) and save it again, or export the report as CSV",
    );
  }
  if (!startsWith(head, ZIP)) return readExportInParallel(input, options);
  const name = "bytes" in input ? input.name : (input.name ?? basename(input.path));
  // The workbook library takes longer to load than a CSV of a million rows takes to read: only on demand.
  const { readWorkbookTable } = await import("./workbook-table.js");
  const table = await readWorkbookTable(workbookBytes(input));
  const dataset = readExport({ bytes: csvBytes(asExportRows(table.rows)), name });
  return { ...dataset, receipt: spreadsheetReceipt(dataset.receipt, table) };
}

function headOf(input: ExportInput): Uint8Array {
  if ("bytes" in input) return input.bytes.subarray(0, 4);
  const fd = openSync(input.path, "r");
  try {
    const head = Buffer.alloc(4);
    return head.subarray(0, readSync(fd, head, 0, 4, 0));
  } finally {
    closeSync(fd);
  }
}

const startsWith = (head: Uint8Array, bytes: number[]) => bytes.every((byte, i) => head[i] === byte);

function workbookBytes(input: ExportInput): Uint8Array {
  const size = "bytes" in input ? input.bytes.length : statSync(input.path).size;
  if (size > MAX_WORKBOOK_BYTES) {
    throw new IngestError(
      `the Excel workbook is ${Math.round(size / (1024 * 1024))} MB, more than the ${MAX_WORKBOOK_BYTES / (1024 * 1024)} MB read from a workbook: export the report as CSV, which has no such limit`,
    );
  }
  return "bytes" in input ? input.bytes : readFileSync(input.path);
}

/** Encrypted .xlsx files are compound files holding one stream of that name; a legacy .xls has none. */
function isEncryptedWorkbook(input: ExportInput): boolean {
  return Buffer.from(workbookBytes(input)).includes(ENCRYPTED_PACKAGE);
}

/** One line per sheet row, so a row number in the receipt is the row a person sees in Excel. */
function csvBytes(rows: string[][]): Buffer {
  const lines = rows.map((cells) => cells.map(csvField).join(","));
  return Buffer.from(lines.join("\n"), "utf8");
}

const csvField = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

function spreadsheetReceipt(receipt: ParseReceipt, table: WorkbookTable): ParseReceipt {
  const others = table.otherSheets.map((sheet) => `"${sheet}"`).join(", ");
  const warnings =
    others === ""
      ? receipt.warnings
      : [
          ...receipt.warnings,
          `read sheet "${table.sheet}", the one that holds the table; the workbook's other sheets (${others}) were not read`,
        ];
  return { ...receipt, encoding: "xlsx", delimiter: "", sheet: table.sheet, warnings };
}
