import { Readable } from "node:stream";
import ExcelJS, { type CellValue } from "exceljs";
import { cellText } from "./cell-text.js";
import { IngestError } from "./ingest-error.js";
import { parseNumberText } from "./number-text.js";
import { checkWorkbookZip } from "./zip-check.js";

/**
 * Cells kept from a workbook, counting each row as wide as its last cell: a sheet of a few cells spread
 * to column XFD costs what it would in a CSV. Enough for 100,000 rows of 30 columns.
 */
const MAX_CELLS = 3_000_000;

export interface WorkbookTable {
  /** Name of the sheet read. */
  sheet: string;
  /** The other sheets that hold anything, in workbook order: empty ones are not worth a word. */
  otherSheets: string[];
  /** The sheet's rows from row 1, as cell texts; rows with nothing in them are empty arrays. */
  rows: string[][];
}

interface SheetRows {
  name: string;
  rows: string[][];
  /** Rows that look like table rows: several filled cells, one of them a number. */
  tableRows: number;
}

/**
 * Reads the sheet of an .xlsx workbook that holds the table. Platforms put a cover or notes sheet first
 * at times, so every sheet is read and the one with most rows that look like data wins (the first, on a
 * tie). Rows are streamed, so memory follows the cells kept, not the library's model of the workbook.
 */
export async function readWorkbookTable(bytes: Uint8Array): Promise<WorkbookTable> {
  checkWorkbookZip(bytes);
  const sheets = await readSheets(bytes);
  const best = sheets.reduce<SheetRows | undefined>(
    (chosen, sheet) => (chosen === undefined || sheet.tableRows > chosen.tableRows ? sheet : chosen),
    undefined,
  );
  if (!best || isBlank(best)) {
    throw new IngestError(
      "the Excel workbook has no filled cells: export the report again; a usable sheet has a header row and at least one data row",
    );
  }
  const otherSheets = sheets.filter((sheet) => sheet !== best && !isBlank(sheet)).map((sheet) => sheet.name);
  return { sheet: best.name, otherSheets, rows: best.rows };
}

const isBlank = (sheet: SheetRows) => sheet.rows.every((row) => row.every((text) => text.trim() === ""));

async function readSheets(bytes: Uint8Array): Promise<SheetRows[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    sharedStrings: "cache",
    // Styles say which numbers are dates.
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  const sheets: SheetRows[] = [];
  let cells = 0;
  let refusal: IngestError | null = null;
  try {
    // The reader removes a sheet's temporary file when asked for the next sheet, so a refusal stops
    // reading rows but lets the loop run to its end rather than throwing from inside it.
    for await (const worksheet of reader) {
      const sheet: SheetRows = { name: sheetName(worksheet, sheets.length), rows: [], tableRows: 0 };
      sheets.push(sheet);
      for await (const row of worksheet) {
        if (refusal) break;
        cells += Math.max(row.cellCount, 1) + Math.max(row.number - sheet.rows.length - 1, 0);
        if (cells > MAX_CELLS) {
          refusal = tooLarge(sheet.name, row.number);
          break;
        }
        while (sheet.rows.length < row.number - 1) sheet.rows.push([]);
        let numbers = 0;
        const texts = Array.from({ length: row.cellCount }, (_, i) => {
          const cell = row.getCell(i + 1);
          if (typeof cell.value === "number") numbers++;
          return cellText(cell.value as CellValue, cell.numFmt);
        });
        sheet.rows.push(texts);
        if (looksLikeData(texts, numbers > 0)) sheet.tableRows++;
      }
    }
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError(
      "the Excel workbook (.xlsx) could not be read (its content is not what Excel writes): open it in Excel and save it again, or export the report as CSV",
    );
  }
  if (refusal) throw refusal;
  return sheets;
}

/** Numbers stored as text count too; cells stored as numbers spare parsing every text of the row. */
function looksLikeData(texts: string[], storesNumber: boolean): boolean {
  const filled = texts.filter((text) => text.trim() !== "").length;
  if (filled < 2) return false;
  return storesNumber || texts.some((text) => parseNumberText(text.trim()).kind === "number");
}

function tooLarge(sheet: string, row: number): IngestError {
  return new IngestError(
    `the Excel workbook holds more than ${MAX_CELLS.toLocaleString("en-US")} cells (sheet "${sheet}" reached row ${row.toLocaleString("en-US")}), more than is read from a workbook: export the report as CSV, which has no such limit`,
  );
}

/** The streaming reader knows a sheet's name once the workbook part is read, which Excel writes first. */
function sheetName(worksheet: unknown, index: number): string {
  const name = (worksheet as { name?: unknown }).name;
  return typeof name === "string" && name !== "" ? name : `Sheet${index + 1}`;
}
