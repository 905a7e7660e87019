import { describe, expect, it } from "vitest";
import { readText, sums } from "./read-text.js";

describe("summary rows", () => {
  it("drops Google Ads 'Total:' rows in any column and checks the rows against them", () => {
    const text = [
      "Search keyword report",
      "All time",
      "Device,Keyword,Campaign,Cost,Clicks",
      "Computers,shoes,C1,10.00,4",
      "Mobile phones,boots,C1,5.50,2",
      ",Total: Filtered keywords,,15.50,6",
      "Computers,Total: Filtered keywords,,10.00,4",
      ",Total: Account,,99.00,40",
    ].join("\n");
    const dataset = readText(text);
    expect(dataset.receipt.rows).toBe(2);
    expect(dataset.receipt.droppedRows).toEqual([
      { line: 6, reason: 'summary row "Total: Filtered keywords"' },
      { line: 7, reason: 'summary row "Total: Filtered keywords"' },
      { line: 8, reason: 'summary row "Total: Account"' },
    ]);
    expect(dataset.totalsCheck).toMatchObject({
      label: "Total: Filtered keywords",
      matched: true,
      measures: ["spend", "clicks"],
    });
    expect(dataset.receipt.warnings).toEqual([]);
    expect(sums(dataset)).toEqual({ spend: 15.5, clicks: 6 });
  });

  it("warns, naming the figures, when the rows do not add up to the file's own total", () => {
    const text = "Campaign,Cost,Clicks\nA,10.00,4\nB,5.00,2\nTotal: Campaigns,16.00,6\n";
    const dataset = readText(text);
    expect(dataset.totalsCheck?.matched).toBe(false);
    expect(dataset.receipt.warnings).toEqual([
      'the rows do not add up to the file\'s own "Total: Campaigns" row (line 4): spend 15 in the rows vs 16; checked spend, clicks (rows may be missing, filtered or duplicated)',
    ]);
  });

  it("allows the drift of rounded figures", () => {
    const text = "Campaign,Cost\nA,0.33\nB,0.33\nC,0.33\nTotal: Campaigns,1.00\n";
    expect(readText(text).totalsCheck?.matched).toBe(true);
  });

  it("drops a 'Total' label in a daily report's date column", () => {
    const dataset = readText("Day,Campaign,Cost\n2024-01-01,A,1\n2024-01-02,A,2\nTotal: Account,,3\n");
    expect(dataset.receipt.rows).toBe(2);
    expect(dataset.receipt.droppedRows).toEqual([{ line: 4, reason: 'summary row "Total: Account"' }]);
  });

  it("drops GA4's grand total, which has one field more than the header", () => {
    const text = "# GA4\n\nPage path,Sessions,Key events\n,30,3,Grand total\n/a,10,1\n/b,20,2\n";
    const dataset = readText(text);
    expect(dataset.receipt.rows).toBe(2);
    expect(dataset.receipt.droppedRows).toEqual([{ line: 4, reason: 'summary row "Grand total"' }]);
    expect(dataset.totalsCheck?.matched).toBe(true);
  });

  it("drops Meta's account summary row: blank dimensions, figures equal to the sum of the rest", () => {
    const text = [
      "Campaign name,Ad set name,Amount spent (EUR),Impressions",
      ",,30.00,3000",
      "Spring,Broad,10.00,1000",
      "Spring,Lookalike,15.00,1500",
      "Summer,Broad,5.00,500",
    ].join("\n");
    const dataset = readText(text);
    expect(dataset.receipt.rows).toBe(3);
    expect(dataset.receipt.currency).toBe("EUR");
    expect(dataset.receipt.droppedRows[0]?.reason).toMatch(/summary row/);
    expect(sums(dataset)).toEqual({ spend: 30, impressions: 3000 });
  });

  it("keeps a first row with blank dimensions when it is not a summary", () => {
    const text = "Campaign name,Amount spent (EUR)\n,3.00\nSpring,10.00\nSummer,5.00\n";
    const dataset = readText(text);
    expect(dataset.receipt.rows).toBe(3);
    expect(sums(dataset)).toEqual({ spend: 18 });
  });

  it("drops a one-value footer line such as Microsoft Advertising's copyright", () => {
    const text =
      'Campaign name,Impr.,Clicks,Spend\nA,100,5,2.50\n"©2024 Microsoft Corporation. All rights reserved."\n';
    const dataset = readText(text);
    expect(dataset.receipt.rows).toBe(1);
    expect(dataset.receipt.droppedRows[0]?.reason).toMatch(/not a data row.*Microsoft/);
  });

  it("refuses ragged rows, saying which line and how to fix it", () => {
    expect(() => readText("Campaign,Cost,Clicks\nA,1,2\nB,2\n")).toThrow(
      /line 3 has 2 fields but the header \(line 1\) has 3: the rows are ragged.*quotes around values/,
    );
  });

  it("refuses a file with only summary rows under the header", () => {
    expect(() => readText("Campaign,Cost\nTotal: Account,5\n")).toThrow(/only summary or note rows below it/);
  });

  it("refuses a header without rows", () => {
    expect(() => readText("Campaign,Cost,Clicks\n")).toThrow(/header on line 1 .* but no data rows/);
  });
});
