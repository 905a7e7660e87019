import { describe, expect, it } from "vitest";
import { readText, sums } from "./read-text.js";

describe("finding the table", () => {
  it.each([
    [",", "Campaign,Cost,Clicks\nA,1.5,2\nB,2,3\n"],
    [";", "Campaign;Cost;Clicks\nA;1,5;2\nB;2;3\n"],
    ["\t", "Campaign\tCost\tClicks\nA, the first\t1.5\t2\nB\t2\t3\n"],
    ["|", "Campaign|Cost|Clicks\nA|1.5|2\nB|2|3\n"],
  ])("sniffs the delimiter %j", (delimiter, text) => {
    const dataset = readText(text);
    expect(dataset.receipt.delimiter).toBe(delimiter);
    expect(sums(dataset)).toEqual({ spend: 3.5, clicks: 5 });
  });

  it("finds the header below a Google Ads title and date-range line", () => {
    const text =
      'Campaign report\n"August 8, 2020 - August 14, 2020"\nCampaign,Impr.,Cost,Currency code\n"Brand, exact",1000,12.50,USD\nGeneric,"2,500",7.50,USD\n';
    const dataset = readText(text);
    expect(dataset.receipt.dateRange).toEqual({ from: "2020-08-08", to: "2020-08-14" });
    expect(dataset.receipt.currency).toBe("USD");
    expect(dataset.receipt.platform).toBe("google_ads");
    expect(sums(dataset)).toEqual({ spend: 20, impressions: 3500 });
  });

  it("skips a GA4 comment block and blank lines, taking the period from it", () => {
    const text = [
      "# ----------------------------------------",
      "# Traffic acquisition",
      "# Start date: 20250101",
      "# End date: 20250131",
      "# ----------------------------------------",
      "",
      "Session default channel group,Sessions,Key events,Total revenue",
      "Organic Search,100,4,250.5",
      "",
      "Paid Search,50,2,99.5",
      "",
    ].join("\r\n");
    const dataset = readText(text);
    expect(dataset.receipt.platform).toBe("ga4");
    expect(dataset.receipt.dateRange).toEqual({ from: "2025-01-01", to: "2025-01-31" });
    expect(dataset.receipt.rows).toBe(2);
    expect(dataset.receipt.columns).toMatchObject({
      channel: "Session default channel group",
      sessions: "Sessions",
      key_events: "Key events",
      revenue: "Total revenue",
    });
    expect(sums(dataset)).toEqual({ sessions: 150, key_events: 6, revenue: 350 });
  });

  it("reads old Mac line ends (CR only) and a last line without a line end", () => {
    const dataset = readText("Campaign,Cost\rA,1\rB,2");
    expect(sums(dataset)).toEqual({ spend: 3 });
  });

  it("refuses a first row of values instead of names", () => {
    expect(() => readText("2024-01-01,12.5,3\n2024-01-02,10,4\n")).toThrow(
      /no header row: line 1 holds values/,
    );
  });

  it("refuses a file that is not a table", () => {
    expect(() => readText("just a sentence\nanother one\n")).toThrow(/no table found/);
  });

  it("skips a title that a spreadsheet saved as CSV pads to the table's width", () => {
    const text =
      "Campaign performance - March,,,\n,,,\nCampaign,Cost,Clicks,Impressions\nA,1.00,2,30\nB,2.00,3,40\n";
    const dataset = readText(text);
    expect(dataset.receipt.rows).toBe(2);
    expect(sums(dataset)).toEqual({ spend: 3, clicks: 5, impressions: 70 });
  });

  it("says truthfully that a header row is wider than any export", () => {
    const columns = Array.from({ length: 100_000 }, (_, i) => `Column ${i}`);
    const text = `${columns.join(",")}\n${columns.map(() => "1").join(",")}\n`;
    expect(() => readText(text)).toThrow(
      /^the first line has more than [\d,]+ columns in its first 128 KB and does not end there: ad-platform exports have at most a few hundred columns/,
    );
  });
});
