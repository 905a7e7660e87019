import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { type Dataset, IngestError, loadExport } from "../../src/ingest/index.js";
import { readWorkbookTable } from "../../src/ingest/workbook-table.js";
import { readText, sums } from "./read-text.js";

type Cell = ExcelJS.CellValue;

interface SheetSpec {
  name: string;
  rows: Cell[][];
  shape?: (sheet: ExcelJS.Worksheet) => void;
}

/** An .xlsx written by the same library that reads it, as a platform's download would be. */
async function workbook(...sheets: SheetSpec[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = book.addWorksheet(spec.name);
    spec.rows.forEach((row, i) => {
      sheet.getRow(i + 1).values = row;
    });
    spec.shape?.(sheet);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const readBook = (bytes: Uint8Array, name = "report.xlsx") => loadExport({ bytes, name });

async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await readBook(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    const message = (error as Error).message;
    expect(message).not.toContain("\n");
    return message;
  }
  throw new Error("the file was read");
}

/** What the reader decided, apart from how the bytes were laid out. */
function figures(dataset: Dataset) {
  const { receipt } = dataset;
  return {
    sums: sums(dataset),
    rows: receipt.rows,
    platform: receipt.platform,
    dateRange: receipt.dateRange,
    currency: receipt.currency,
    columns: receipt.columns,
    droppedRows: receipt.droppedRows,
    totalsCheck: dataset.totalsCheck,
  };
}

const day = (date: string) => new Date(`${date}T00:00:00Z`);

describe("reading an .xlsx export", () => {
  it("reads a Meta-like sheet under a title row exactly as the same data in a CSV", async () => {
    const header = [
      "Campaign name",
      "Ad set name",
      "Day",
      "Currency",
      "Amount spent (EUR)",
      "Impressions",
      "Link clicks",
      "Purchases",
      "Purchases conversion value",
    ];
    const data: Cell[][] = [
      ["Spring sale", "Women 25-34", day("2025-03-01"), "EUR", 120.37, 15000, 310, 12, 960.5],
      ["Spring sale", "Women 25-34", day("2025-03-02"), "EUR", 99.1, 12040, 280, 9, 702.25],
      ["Retargeting", "Visitors 30d", day("2025-03-01"), "EUR", 45, 3300, 90, 4, 330],
    ];
    const bytes = await workbook({
      name: "Raw Data Report",
      rows: [["Campaigns: 1 Mar 2025 - 2 Mar 2025"], [], header, ...data],
      shape: (sheet) => sheet.mergeCells("A1:I1"),
    });
    const csv = [
      "Campaigns: 1 Mar 2025 - 2 Mar 2025",
      "",
      header.join(","),
      "Spring sale,Women 25-34,2025-03-01,EUR,120.37,15000,310,12,960.5",
      "Spring sale,Women 25-34,2025-03-02,EUR,99.1,12040,280,9,702.25",
      "Retargeting,Visitors 30d,2025-03-01,EUR,45,3300,90,4,330",
    ].join("\n");

    const fromSheet = await readBook(bytes, "meta.xlsx");
    expect(figures(fromSheet)).toEqual(figures(readText(csv)));
    expect(fromSheet.receipt).toMatchObject({
      file: "meta.xlsx",
      platform: "meta_ads",
      encoding: "xlsx",
      delimiter: "",
      sheet: "Raw Data Report",
      rows: 3,
      dateRange: { from: "2025-03-01", to: "2025-03-02" },
    });
    expect(sums(fromSheet)).toEqual({
      spend: 264.47,
      impressions: 30340,
      clicks: 680,
      conversions: 25,
      revenue: 1992.75,
    });
  });

  it("drops a Google Ads 'Total: Campaigns' row, on the line of its sheet row, and checks the rows against it", async () => {
    const rows: Cell[][] = [
      ["Campaign report"],
      ["March 1, 2024 - March 2, 2024"],
      ["Campaign", "Currency code", "Impr.", "Clicks", "Cost", "Conversions"],
      ["Brand", "USD", 1000, 50, 25, 5],
      ["Generic", "USD", 2000, 40, 40.5, 2],
      ["Total: Campaigns", "USD", 3000, 90, 65.5, 7],
    ];
    const csv = [
      "Campaign report",
      '"March 1, 2024 - March 2, 2024"',
      "Campaign,Currency code,Impr.,Clicks,Cost,Conversions",
      "Brand,USD,1000,50,25.00,5",
      "Generic,USD,2000,40,40.50,2",
      "Total: Campaigns,USD,3000,90,65.50,7",
    ].join("\n");

    const fromSheet = await readBook(await workbook({ name: "Campaign report", rows }));
    expect(figures(fromSheet)).toEqual(figures(readText(csv)));
    expect(fromSheet.receipt.droppedRows).toEqual([{ line: 6, reason: 'summary row "Total: Campaigns"' }]);
    expect(fromSheet.totalsCheck?.matched).toBe(true);
    expect(fromSheet.receipt.dateRange).toEqual({ from: "2024-03-01", to: "2024-03-02" });
    expect(sums(fromSheet)).toEqual({ spend: 65.5, impressions: 3000, clicks: 90, conversions: 7 });
  });

  it("reads the sheet that holds the table, not a notes sheet before it, and names the notes it left", async () => {
    const bytes = await workbook(
      {
        name: "Read me",
        rows: [["About this report"], ["Exported from Ads Manager on 2025-03-03"], ["Figures in EUR"]],
      },
      {
        name: "Data",
        rows: [
          ["Campaign name", "Amount spent (EUR)", "Link clicks"],
          ["A", 10, 2],
          ["B", 5.25, 1],
        ],
      },
      { name: "Empty", rows: [] },
    );
    const dataset = await readBook(bytes);
    expect(dataset.receipt.sheet).toBe("Data");
    expect(sums(dataset)).toEqual({ spend: 15.25, clicks: 3 });
    expect(dataset.receipt.warnings).toContain(
      'read sheet "Data", the one that holds the table; the workbook\'s other sheets ("Read me") were not read',
    );
  });

  it("reads numbers stored as text like numbers stored as numbers", async () => {
    const header = ["Campaign", "Cost", "Impressions", "Clicks"];
    const asNumbers = await workbook({
      name: "Sheet1",
      rows: [header, ["A", 1234.5, 100000, 10], ["B", 0.75, 2500, 3]],
    });
    const asText = await workbook({
      name: "Sheet1",
      rows: [header, ["A", "1,234.50", "100,000", "10"], ["B", "0.75", "2,500", "3"]],
    });
    const expected = { spend: 1235.25, impressions: 102500, clicks: 13 };
    expect(sums(await readBook(asNumbers))).toEqual(expected);
    expect(sums(await readBook(asText))).toEqual(expected);
  });

  it("keeps rows whose last cells are empty as wide as the header, and a merged title as short as its text", async () => {
    const bytes = await workbook({
      name: "Sheet1",
      rows: [
        ["Keyword report"],
        [],
        ["Keyword", "Cost", "Clicks", "Conversions"],
        ["shoes", 4, 2, 1],
        ["boots", 3, 1],
        ["socks", 2.5, 4],
      ],
      shape: (sheet) => sheet.mergeCells("A1:D1"),
    });
    const csv = "Keyword report\n\nKeyword,Cost,Clicks,Conversions\nshoes,4,2,1\nboots,3,1,\nsocks,2.5,4,\n";
    const fromSheet = await readBook(bytes);
    expect(figures(fromSheet)).toEqual(figures(readText(csv)));
    expect(sums(fromSheet)).toEqual({ spend: 9.5, clicks: 7, conversions: 1 });
  });

  it("writes a duration cell as h:mm:ss, not as a day of 1899", async () => {
    const bytes = await workbook({
      name: "Sheet1",
      rows: [
        ["Campaign", "Cost", "Avg. session duration"],
        ["A", 1, 0.5 / 24],
        ["B", 2, 30.25 / 24],
        ["C", 3, 50 / 24],
      ],
      shape: (sheet) => {
        sheet.getColumn(3).numFmt = "[h]:mm:ss";
      },
    });
    const { rows } = await readWorkbookTable(bytes);
    expect(rows.map((row) => row[2])).toEqual(["Avg. session duration", "0:30:00", "30:15:00", "50:00:00"]);
  });

  it("never lets a German report's language turn a stored 1.234 into 1234", async () => {
    const bytes = await workbook({
      name: "Tabelle1",
      rows: [
        ["Kampagne", "Kosten", "Klicks"],
        ["Marke", 1.234, 4],
        ["Generisch", 2.5, 1],
      ],
    });
    expect(sums(await readBook(bytes))).toEqual({ spend: 3.734, clicks: 5 });
  });

  it("reads Excel dates as days, formulas as their saved result (a date where the cell is one)", async () => {
    const bytes = await workbook({
      name: "Daily",
      rows: [
        ["Day", "Campaign", "Cost", "Clicks"],
        [day("2024-12-31"), "A", 10, { formula: "1+1", result: 2 }],
        [day("2025-01-01"), "A", { formula: "C2*2", result: 20 }, 9],
        [day("2025-01-02"), "B", 5, 1],
        [{ formula: "A4+1", result: 45660 }, "B", 1, 4],
      ],
      shape: (sheet) => {
        sheet.getColumn(1).numFmt = "dd.mm.yyyy";
        sheet.getCell("A5").numFmt = 'd" "mmm yyyy';
      },
    });
    const dataset = await readBook(bytes);
    expect(dataset.receipt.dateRange).toEqual({ from: "2024-12-31", to: "2025-01-03" });
    expect(sums(dataset)).toEqual({ spend: 36, clicks: 16 });
  });
});

describe("refusing a workbook it cannot read", () => {
  it("refuses a file that only starts like a zip", async () => {
    const bytes = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    expect(await refusal(bytes)).toMatch(/Excel workbook \(\.xlsx\) is damaged.*save it again/);
  });

  it("refuses a workbook cut short", async () => {
    const bytes = await workbook({
      name: "S",
      rows: [
        ["Campaign", "Cost"],
        ["A", 1],
      ],
    });
    expect(await refusal(bytes.subarray(0, Math.floor(bytes.length * 0.8)))).toMatch(/damaged/);
  });

  it("refuses a part that inflates past the size its zip declares (a zip bomb) before inflating it all", async () => {
    const bytes = zip([
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(50 * 1024 * 1024), declaredSize: 1000 },
    ]);
    expect(await refusal(bytes)).toMatch(/damaged/);
  });

  it("refuses a workbook that declares more than it may unpack to", async () => {
    const bytes = zip([
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
      { name: "xl/sharedStrings.xml", data: Buffer.alloc(10), declaredSize: 0xfffffff0 },
    ]);
    expect(await refusal(bytes)).toMatch(/unpacks to 4,096 MB, more than the 256 MB read from a workbook/);
  });

  it("refuses a sound zip whose workbook parts are not what Excel writes", async () => {
    const bytes = zip([
      { name: "xl/workbook.xml", data: Buffer.from("<workbook><sheets></sheets></workbook>") },
      { name: "xl/_rels/workbook.xml.rels", data: Buffer.from("<Relationships/>") },
      { name: "xl/sharedStrings.xml", data: Buffer.from("<sst><si><t>A</t></si></sst>") },
      {
        name: "xl/worksheets/sheet1.xml",
        data: Buffer.from('<worksheet><sheetData><row r="1"><c r="A1"><v>1</x></c>'),
      },
    ]);
    expect(await refusal(bytes)).toMatch(/could not be read .*save it again/);
  });

  it("refuses a zip that is not a workbook", async () => {
    const bytes = zip([{ name: "report.csv", data: Buffer.from("Campaign,Cost\nA,1\n") }]);
    expect(await refusal(bytes)).toMatch(/zip archive, not an Excel workbook/);
  });

  it("refuses a password-protected workbook, saying how to remove the password", async () => {
    const bytes = compoundFile("EncryptedPackage");
    expect(await refusal(bytes)).toMatch(/password-protected: .*remove the password/);
  });

  it("refuses a legacy .xls, saying to save it as .xlsx or CSV", async () => {
    expect(await refusal(compoundFile("Workbook"))).toMatch(/legacy Excel workbook \(\.xls\).*\.xlsx or CSV/);
  });

  it("refuses a sheet spread over absurd dimensions with a sentence", async () => {
    const rows: Cell[][] = [["Campaign", "Cost"]];
    const bytes = await workbook({
      name: "Wide",
      rows,
      shape: (sheet) => {
        for (let row = 2; row <= 200; row++) sheet.getCell(row, 16384).value = 1;
      },
    });
    expect(await refusal(bytes)).toMatch(
      /more than 3,000,000 cells \(sheet "Wide" reached row \d+\).*export the report as CSV/,
    );
  });

  it("refuses a workbook with no filled cell", async () => {
    expect(await refusal(await workbook({ name: "Blank", rows: [] }))).toMatch(/no filled cells/);
  });
});

interface ZipPart {
  name: string;
  data: Buffer;
  /** The inflated size the zip claims, when a test needs it to lie. */
  declaredSize?: number;
}

/** A minimal deflate zip, written by hand so a test can make its index lie. */
function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const entries: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const data = deflateRawSync(part.data);
    const size = part.declaredSize ?? part.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    entries.push(entry, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(entries);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The start of an OLE compound file with one directory entry of the given stream name. */
function compoundFile(stream: string): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const directory = Buffer.alloc(512);
  Buffer.from(stream, "utf16le").copy(directory);
  return Buffer.concat([header, directory]);
}
