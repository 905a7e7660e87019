import { describe, expect, it } from "vitest";
import { IngestError, readExport } from "../../src/ingest/index.js";
import { readText, sums, type TextEncodingForTest } from "./read-text.js";

const CSV = "Campaign,Cost,Clicks\r\nÉté – Brand Ü,12.50,3\r\nAção,7.25,2\r\n";

describe("encodings", () => {
  it.each<[TextEncodingForTest, string]>([
    ["utf8", "UTF-8"],
    ["utf8-bom", "UTF-8"],
    ["utf16le", "UTF-16LE"],
    ["utf16be", "UTF-16BE"],
  ])("reads %s", (encoding, label) => {
    const dataset = readText(CSV, { encoding });
    expect(dataset.receipt.encoding).toBe(label);
    expect(dataset.facts.dimensions.campaign?.values).toEqual(["Été – Brand Ü", "Ação"]);
    expect(sums(dataset)).toEqual({ spend: 19.75, clicks: 5 });
  });

  it("reads Windows-1252 text when the bytes are not UTF-8", () => {
    const dataset = readText("Campaign,Cost\nÉté,12.50\nNiño,1\n", { encoding: "latin1" });
    expect(dataset.receipt.encoding).toBe("Latin-1 (Windows-1252)");
    expect(dataset.facts.dimensions.campaign?.values).toEqual(["Été", "Niño"]);
  });

  it("reads UTF-16LE without a byte-order mark", () => {
    const bytes = Buffer.from("Campaign\tCost\nA\t1.5\nB\t2\n", "utf16le");
    const dataset = readExport({ bytes, name: "no-bom.csv" });
    expect(dataset.receipt.encoding).toBe("UTF-16LE");
    expect(sums(dataset)).toEqual({ spend: 3.5 });
  });
});

describe("files that are not CSV text", () => {
  const refuse = (bytes: Buffer) => {
    try {
      readExport({ bytes, name: "report.csv" });
    } catch (error) {
      expect(error).toBeInstanceOf(IngestError);
      return (error as Error).message;
    }
    throw new Error("expected the file to be refused");
  };

  it("refuses an empty file, saying what a usable file looks like", () => {
    expect(refuse(Buffer.alloc(0))).toMatch(/empty \(0 bytes\).*header row and at least one data row/);
  });

  it("refuses a file of blank lines", () => {
    expect(refuse(Buffer.from("\n\r\n  \n"))).toMatch(/no text/);
  });

  it("refuses a byte-order mark with nothing after it", () => {
    expect(refuse(Buffer.from([0xef, 0xbb, 0xbf]))).toMatch(/no text/);
  });

  it("recognises an Excel workbook saved with a .csv name", () => {
    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), Buffer.alloc(100, 7)]);
    expect(refuse(xlsx)).toMatch(/Excel workbook \(\.xlsx\).*Save As > CSV/);
  });

  it("recognises a legacy .xls workbook", () => {
    expect(refuse(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toMatch(/legacy Excel/);
  });

  it("refuses binary data and says where it found it", () => {
    const binary = Buffer.concat([
      Buffer.from("Campaign,Cost\nA,"),
      Buffer.from([0, 1, 2, 0, 0xff, 0xfe, 0]),
      Buffer.alloc(50, 3),
    ]);
    expect(refuse(binary)).toMatch(/binary, not text \(a zero byte at offset 16\)/);
  });
});
