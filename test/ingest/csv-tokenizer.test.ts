import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvTokenizer, rowTexts } from "../../src/ingest/csv-tokenizer.js";

function tokenize(text: string, delimiter: string, chunkSize: number): string[][] {
  const rows: string[][] = [];
  const tokenizer = new CsvTokenizer(delimiter.charCodeAt(0), (row) => rows.push(rowTexts(row)));
  const bytes = Buffer.from(text, "utf8");
  for (let start = 0; start < bytes.length; start += chunkSize) {
    tokenizer.push(bytes.subarray(start, Math.min(start + chunkSize, bytes.length)));
  }
  tokenizer.end();
  return rows;
}

/** csv-parse, the RFC 4180 reference, is the oracle for what a record is. */
function oracle(text: string, delimiter: string): string[][] {
  return parse(text, {
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    record_delimiter: ["\r\n", "\n", "\r"],
  }) as string[][];
}

const cellText = fc.string({
  unit: fc.constantFrom("a", "b", "1", ".", ",", ";", "\t", "|", '"', "\n", "\r", " ", "é", "€"),
});
const csvCell = (delimiter: string) =>
  cellText
    .map((text) =>
      /[",;\t|\r\n]/.test(text) || text.length === 0 ? `"${text.replaceAll('"', '""')}"` : text,
    )
    .filter((cell) => !cell.includes(delimiter) || cell.startsWith('"'));

describe("CsvTokenizer against csv-parse", () => {
  it.each([",", ";", "\t", "|"])(
    "splits records and fields like csv-parse with delimiter %j",
    (delimiter) => {
      fc.assert(
        fc.property(
          fc.array(fc.array(csvCell(delimiter), { minLength: 2, maxLength: 5 }), {
            minLength: 1,
            maxLength: 8,
          }),
          fc.constantFrom("\n", "\r\n", "\r"),
          fc.integer({ min: 1, max: 17 }),
          (records, lineEnd, chunkSize) => {
            const text = records.map((cells) => cells.join(delimiter)).join(lineEnd) + lineEnd;
            expect(tokenize(text, delimiter, chunkSize)).toEqual(oracle(text, delimiter));
          },
        ),
        { numRuns: 300 },
      );
    },
  );

  it("keeps embedded delimiters, doubled quotes and newlines inside quoted fields", () => {
    const text = 'Keyword,Cost\n"""ELD""",1.5\n"Deck, siding & other",2\n"two\nlines",3\n';
    expect(tokenize(text, ",", 4)).toEqual([
      ["Keyword", "Cost"],
      ['"ELD"', "1.5"],
      ["Deck, siding & other", "2"],
      ["two\nlines", "3"],
    ]);
  });

  it("numbers records by the physical line they start on", () => {
    const lines: number[] = [];
    const tokenizer = new CsvTokenizer(44, (row) => lines.push(row.line));
    tokenizer.push(Buffer.from('a,b\n\n"x\ny",1\r\nz,2\rw,3'));
    tokenizer.end();
    expect(lines).toEqual([1, 3, 5, 6]);
  });
});
