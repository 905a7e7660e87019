import { describe, expect, it } from "vitest";
import { sniffLayout } from "../../src/ingest/sniff-layout.js";

/** A header after a preamble, then `rows` data rows whose text includes multi-byte characters and quotes. */
function exportText(rows: number, lineEnd: string): string {
  const lines = ["Report: Campaigns", "Date range: 2025", "", "Day;Campaign;Cost;Clicks"];
  for (let i = 0; i < rows; i++) lines.push(`2025-01-${(i % 28) + 1};"Ação ""${i}"";x";${i},5;${i * 2}`);
  return lines.join(lineEnd);
}

describe("sniffing the layout", () => {
  it.each(["\n", "\r\n"])("samples every row after the header up to the limit (line end %j)", (lineEnd) => {
    const head = Buffer.from(exportText(3000, lineEnd), "utf8");
    const layout = sniffLayout(head, false);
    expect(layout.delimiter).toBe(";");
    expect(layout.headerLine).toBe(4);
    expect(layout.preamble).toEqual(["Report: Campaigns", "Date range: 2025"]);
    expect(layout.sample).toHaveLength(1500);
    expect(layout.sample[1499]).toEqual({
      line: 1504,
      fields: ["2025-01-16", 'Ação "1499";x', "1499,5", "2998"],
    });
  });

  it("keeps a whole file's last row, unended, and leaves a cut head's last row out", () => {
    const text = exportText(300, "\n");
    const whole = sniffLayout(Buffer.from(text, "utf8"), true);
    expect(whole.sample).toHaveLength(300);
    expect(whole.sample[299]?.fields[3]).toBe("598");
    const cut = sniffLayout(Buffer.from(text, "utf8"), false);
    expect(cut.sample).toHaveLength(299);
  });
});
