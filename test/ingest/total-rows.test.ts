import { describe, expect, it } from "vitest";
import { breakdown } from "../../src/metrics/index.js";
import { dimension, readText, sums } from "./read-text.js";

/**
 * Total and subtotal rows as platforms write them, found by their arithmetic as well as by their labels.
 * The fixtures follow the layouts of Meta Ads Manager's "include summary row" exports and of legacy AdWords
 * and Google Ads reports; the figures are invented.
 */
describe("total rows found by arithmetic", () => {
  it("drops Meta's summary row when the reporting window and result type are filled", () => {
    const text = [
      '"Reporting starts","Reporting ends","Campaign name","Campaign delivery","Attribution setting",Results,"Result indicator","Result type","Amount spent (USD)",Impressions,Reach,"Link clicks",Purchases,"Purchases conversion value"',
      '2025-09-01,2025-09-30,,,"7-day click or 1-day view",,,mixed,1234.56,150000,90000,3000,60,4500.00',
      '2025-09-01,2025-09-30,"Prospecting - Broad",active,"7-day click or 1-day view",30,actions:offsite_conversion.fb_pixel_purchase,Purchases,800.00,100000,70000,2000,30,2000.00',
      '2025-09-01,2025-09-30,"Retargeting - 30d",active,"7-day click or 1-day view",25,actions:offsite_conversion.fb_pixel_purchase,Purchases,400.56,45000,25000,900,25,2300.00',
      '2025-09-01,2025-09-30,"Awareness",inactive,"7-day click or 1-day view",5000,reach,Reach,34.00,5000,5000,100,5,200.00',
    ].join("\n");
    const dataset = readText(text);
    expect(dataset.receipt.rows).toBe(3);
    expect(sums(dataset)).toEqual({
      spend: 1234.56,
      impressions: 150000,
      clicks: 3000,
      conversions: 60,
      revenue: 4500,
    });
    expect(dataset.receipt.droppedRows).toEqual([
      { line: 2, reason: expect.stringMatching(/summary row.*sum of the other rows/) },
    ]);
    expect(dimension(dataset, "campaign")).not.toContain(null);
    expect(breakdown(dataset.facts, "campaign").map((row) => row.key)).toEqual([
      "Prospecting - Broad",
      "Retargeting - 30d",
      "Awareness",
    ]);
    expect(dataset.totalsCheck).toMatchObject({ matched: true, line: 2 });
  });

  it("drops Meta's summary row of an export by age over a lifetime window", () => {
    const text = [
      '"Reporting starts","Reporting ends",Age,"Attribution setting","Amount spent (EUR)",Impressions,"Link clicks"',
      '2025-01-01,2025-06-30,,"7-day click or 1-day view",300.10,30000,600',
      '2025-01-01,2025-06-30,18-24,"7-day click or 1-day view",100.00,10000,250',
      '2025-01-01,2025-06-30,25-34,"7-day click or 1-day view",150.05,15000,250',
      '2025-01-01,2025-06-30,35-44,"7-day click or 1-day view",50.05,5000,100',
    ].join("\n");
    const dataset = readText(text);
    expect(dataset.receipt.rows).toBe(3);
    expect(sums(dataset)).toEqual({ spend: 300.1, impressions: 30000, clicks: 600 });
    expect(dataset.receipt.dateRange).toEqual({ from: "2025-01-01", to: "2025-06-30" });
  });

  it("drops Meta's summary row of a daily export and keeps the rows daily", () => {
    const text = [
      'Day,"Campaign name","Amount spent (USD)",Impressions,"Link clicks","Reporting starts","Reporting ends"',
      ",,60.00,6000,90,2025-03-01,2025-03-03",
      '2025-03-01,"Spring Sale",10.00,1000,15,2025-03-01,2025-03-01',
      '2025-03-01,"Brand",10.00,1000,15,2025-03-01,2025-03-01',
      '2025-03-02,"Spring Sale",15.00,1500,20,2025-03-02,2025-03-02',
      '2025-03-02,"Brand",5.00,500,10,2025-03-02,2025-03-02',
      '2025-03-03,"Spring Sale",12.00,1200,20,2025-03-03,2025-03-03',
      '2025-03-03,"Brand",8.00,800,10,2025-03-03,2025-03-03',
    ].join("\n");
    const dataset = readText(text);
    expect(dataset.receipt.rows).toBe(6);
    expect(sums(dataset)).toEqual({ spend: 60, impressions: 6000, clicks: 90 });
    expect(dataset.receipt.dateRange).toEqual({ from: "2025-03-01", to: "2025-03-03" });
    expect(dataset.receipt.warnings.join(" ")).not.toMatch(/whole reporting window/);
  });

  it("drops Meta's summary row of a daily export dated by its reporting window alone", () => {
    const text = [
      '"Reporting starts","Reporting ends","Campaign name","Amount spent (USD)",Impressions,"Link clicks"',
      "2025-03-01,2025-03-03,,45.00,4500,60",
      '2025-03-01,2025-03-01,"Spring Sale",10.00,1000,15',
      '2025-03-01,2025-03-01,"Brand",10.00,1000,15',
      '2025-03-02,2025-03-02,"Spring Sale",15.00,1500,20',
      '2025-03-03,2025-03-03,"Brand",10.00,1000,10',
    ].join("\n");
    const dataset = readText(text);
    expect(dataset.receipt.rows).toBe(4);
    expect(sums(dataset)).toEqual({ spend: 45, impressions: 4500, clicks: 60 });
    expect(dataset.facts.days).not.toBeNull();
    expect(dataset.receipt.warnings.join(" ")).not.toMatch(/whole reporting window/);
  });

  it("drops a summary row wherever it stands and whatever it is called", () => {
    const rows = ["A,10.00,100,3", "B,20.50,250,4", "C,4.25,40,1"];
    for (const label of ["All campaigns", "", "Account: Acme Ltd", "Σ"]) {
      const total = `${label},34.75,390,8`;
      for (const order of [
        [total, ...rows],
        [...rows, total],
        [rows[0], total, rows[1], rows[2]],
      ]) {
        const dataset = readText(["Campaign,Cost,Impressions,Clicks", ...order].join("\n"));
        expect(dataset.receipt.rows).toBe(3);
        expect(sums(dataset)).toEqual({ spend: 34.75, impressions: 390, clicks: 8 });
      }
    }
  });

  it("keeps a row that only looks like a total in one measure", () => {
    const text = "Campaign,Cost,Clicks\nA,10.00,4\nB,5.00,2\nC,15.00,9\n";
    const dataset = readText(text);
    expect(dataset.receipt.rows).toBe(3);
    expect(sums(dataset)).toEqual({ spend: 30, clicks: 15 });
  });

  it("keeps a row whose whole-number cost is near, but not at, the sum of the others", () => {
    const text =
      "Day,Campaign,Cost,Clicks\n2024-12-31,A,10,2\n2025-01-01,A,20,3\n2025-01-02,B,5,1\n2025-01-03,B,1,0\n";
    const dataset = readText(text);
    expect(dataset.receipt.rows).toBe(4);
    expect(sums(dataset)).toEqual({ spend: 36, clicks: 6 });
  });

  it("still finds a total whose cents drift from the sum of rounded rows", () => {
    const rows = Array.from({ length: 30 }, (_, i) => `Campaign ${i},${(10 + i / 3).toFixed(2)},${100 + i}`);
    const exact = Array.from({ length: 30 }, (_, i) => 10 + i / 3).reduce((sum, value) => sum + value, 0);
    const clicks = Array.from({ length: 30 }, (_, i) => 100 + i).reduce((sum, value) => sum + value, 0);
    const dataset = readText(["Campaign,Cost,Clicks", ...rows, `,${exact.toFixed(2)},${clicks}`].join("\n"));
    expect(dataset.receipt.rows).toBe(30);
  });

  it("keeps two identical rows: neither can be the total of the other", () => {
    const dataset = readText("Campaign,Cost,Clicks\nA,10.00,4\nA,10.00,4\n");
    expect(dataset.receipt.rows).toBe(2);
  });

  it("drops every legacy AdWords total row and checks the rows against them", () => {
    const text = [
      "Campaign report (Oct 25, 2016-Oct 31, 2016)",
      "Campaign state,Campaign,Budget,Clicks,Impressions,CTR,Avg. CPC,Cost,Conversions",
      "enabled,Brand,50.00,120,1000,12.00%,0.50,60.00,12",
      "enabled,Generic,100.00,80,4000,2.00%,1.00,80.00,4",
      "paused,Display - Remarketing,20.00,30,9000,0.33%,0.30,9.00,1",
      "Total - filtered,--,--,230,14000,1.64%,0.65,149.00,17",
      "Total - all experiments,--,--,0,0,0.00%,0.00,0.00,0",
      "Total - Search,--,--,200,5000,4.00%,0.70,140.00,16",
      "Total - Display Network,--,--,30,9000,0.33%,0.30,9.00,1",
      "Total - account,--,--,250,15000,1.67%,0.66,165.00,18",
      "Total,--,--,230,14000,1.64%,0.65,149.00,17",
    ].join("\n");
    const dataset = readText(text);
    expect(dataset.receipt.rows).toBe(3);
    expect(dataset.receipt.droppedRows.map((row) => row.line)).toEqual([6, 7, 8, 9, 10, 11]);
    expect(sums(dataset)).toEqual({ spend: 149, impressions: 14000, clicks: 230, conversions: 17 });
    expect(dataset.totalsCheck?.matched).toBe(true);
    expect(dataset.receipt.warnings).toEqual([]);
  });

  it("reads the period of a legacy AdWords title line", () => {
    const text = [
      "Ad report (Oct 25, 2016-Oct 31, 2016)",
      "Ad,Campaign,Clicks,Impressions,Cost",
      "Shoes on sale,Brand,10,100,5.00",
      "Boots,Brand,5,80,2.50",
    ].join("\n");
    expect(readText(text).receipt.dateRange).toEqual({ from: "2016-10-25", to: "2016-10-31" });
  });

  it("drops the subtotals of a grouped report and its grand total", () => {
    const text = [
      "Campaign,Ad group,Cost,Clicks,Impressions",
      "Brand,Exact,10.00,5,100",
      "Brand,Phrase,20.00,8,300",
      "Brand,,30.00,13,400",
      "Generic,Broad,40.00,10,1000",
      "Generic,Modified,15.00,3,500",
      "Generic,Phrase,5.00,1,50",
      "Generic,,60.00,14,1550",
      ",,90.00,27,1950",
    ].join("\n");
    const dataset = readText(text);
    expect(dataset.receipt.rows).toBe(5);
    expect(sums(dataset)).toEqual({ spend: 90, clicks: 27, impressions: 1950 });
    expect(dataset.receipt.droppedRows.map((row) => row.line)).toEqual([4, 8, 9]);
    expect(dataset.receipt.droppedRows[0]?.reason).toMatch(/subtotal.*Brand/);
  });

  it("finds subtotals among 40,000 rows that leave a breakdown cell blank without being subtotals", () => {
    // A daily export by age where most rows have no ad name (boosted posts): each such row is a candidate
    // subtotal of its campaign's rows. Judging them by adding up the whole campaign each took minutes.
    const rows = ["Day,Campaign name,Ad name,Amount spent (USD),Impressions"];
    const campaigns = ["Content boosting", "Prospecting", "Retargeting", "Awareness"];
    for (let i = 0; i < 40_000; i++) {
      const campaign = campaigns[i % campaigns.length];
      const day = `2024-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`;
      rows.push(
        `${day},${campaign},${i % 3 === 0 ? `Ad ${i % 7}` : ""},${(1 + (i % 50) / 10).toFixed(2)},${100 + (i % 90)}`,
      );
    }
    // A grouped report's subtotal of one small campaign stays found among them.
    rows.push(
      "2024-12-30,Holiday,Ad A,10.00,100",
      "2024-12-30,Holiday,Ad B,20.00,300",
      "2024-12-30,Holiday,,30.00,400",
    );
    const dataset = readText(rows.join("\n"));
    expect(dataset.receipt.rows).toBe(40_002);
    expect(dataset.receipt.droppedRows).toEqual([
      { line: 40_004, reason: expect.stringMatching(/subtotal of .*"Holiday"/) },
    ]);
  });

  it("marks the analysis as not matching the file when the rows add up to twice its total", () => {
    const text = [
      "Campaign,Cost,Clicks,Impressions",
      "Brand,10.00,5,100",
      "Generic,20.00,8,300",
      "Display,12.00,6,150",
      "Video,18.00,7,250",
      "Total: Campaigns,30.00,13,400",
    ].join("\n");
    const dataset = readText(text);
    expect(dataset.totalsCheck).toMatchObject({ matched: false, label: "Total: Campaigns" });
    expect(dataset.receipt.warnings[0]).toMatch(/do not match the file.*twice/);
  });

  it("finds the rows responsible when a copy of the rows doubles the file's total", () => {
    const text = [
      "Campaign,Ad group,Cost,Clicks",
      "Brand,Exact,10.00,5",
      "Brand,Phrase,20.00,8",
      "Generic,Broad,40.00,10",
      "Brand,Exact,10.00,5",
      "Brand,Phrase,20.00,8",
      "Generic,Broad,40.00,10",
      "Total: Account,,70.00,23",
    ].join("\n");
    const dataset = readText(text);
    expect(dataset.receipt.rows).toBe(3);
    expect(sums(dataset)).toEqual({ spend: 70, clicks: 23 });
    expect(dataset.totalsCheck?.matched).toBe(true);
    expect(
      dataset.receipt.droppedRows.filter((row) => /repeat/.test(row.reason)).map((row) => row.line),
    ).toEqual([5, 6, 7]);
  });
});
