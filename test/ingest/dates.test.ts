import { describe, expect, it } from "vitest";
import { parseDateText } from "../../src/ingest/date-text.js";
import { dayToIso, NO_DAY } from "../../src/ingest/index.js";
import { readText } from "./read-text.js";

const days = (text: string) => {
  const dataset = readText(text);
  return {
    dataset,
    days: Array.from(dataset.facts.days ?? [], (day) => (day === NO_DAY ? null : dayToIso(day))),
  };
};

describe("dates", () => {
  it.each([
    ["2024-03-05", "2024-03-05"],
    ["2024-03-05T10:00:00Z", "2024-03-05"],
    ["2024/03/05", "2024-03-05"],
    ["20240305", "2024-03-05"],
    ["August 8, 2020", "2020-08-08"],
    ["8 August 2020", "2020-08-08"],
    ["05-Jan-2024", "2024-01-05"],
    ["5 de maio de 2026", "2026-05-05"],
    ["1 de Janeiro de 2021", "2021-01-01"],
    ["5 de enero de 2024", "2024-01-05"],
    ["5. März 2024", "2024-03-05"],
    ["5 août 2024", "2024-08-05"],
    ["Jan 2024", "2024-01-01"],
  ])("reads %j", (text, iso) => {
    const parsed = parseDateText(text, true);
    expect(parsed.kind).toBe("date");
    if (parsed.kind === "date") {
      expect(
        `${parsed.year}-${String(parsed.month).padStart(2, "0")}-${String(parsed.day).padStart(2, "0")}`,
      ).toBe(iso);
    }
  });

  it("refuses days that do not exist", () => {
    expect(parseDateText("2023-02-29").kind).toBe("invalid");
    expect(parseDateText("31.04.2024").kind).toBe("invalid");
  });

  it("decides day before month from one unambiguous value in the column, and says so", () => {
    const { dataset, days: read } = days("Date,Cost\n03-05-2025,1\n25-04-2025,2\n");
    expect(read).toEqual(["2025-05-03", "2025-04-25"]);
    expect(dataset.receipt.warnings).toEqual([
      'dates in "Date" read with day before month: values such as "25-04-2025" fit only that order',
    ]);
  });

  it("decides month before day from one unambiguous value", () => {
    const { days: read } = days("Date,Cost\n03/05/2025,1\n08/14/2025,2\n");
    expect(read).toEqual(["2025-03-05", "2025-08-14"]);
  });

  it("reads D.MM.YYYY as day first when every value is ambiguous, and says it used the convention", () => {
    const { dataset, days: read } = days(
      "Campaign Name;Date;Spend [USD]\nControl;1.08.2019;2280\nControl;2.08.2019;1757\n",
    );
    expect(read).toEqual(["2019-08-01", "2019-08-02"]);
    expect(dataset.receipt.warnings[0]).toMatch(/every value fits both orders.*convention/);
    expect(dataset.receipt.dateRange).toEqual({ from: "2019-08-01", to: "2019-08-02" });
  });

  it("reads ambiguous slashes day first in a localized report", () => {
    const { days: read } = days("Data,Campanha,Custo\n03/05/2025,A,1\n04/05/2025,A,2\n");
    expect(read).toEqual(["2025-05-03", "2025-05-04"]);
  });

  it.each([undefined, 5, 13, 29])(
    "gives every row its day whatever a column mixes, rows cut at chunk ends or not (chunk %s)",
    (chunkBytes) => {
      // ISO days are settled as read, the ambiguous one only once "25/04/2025" decides the order; a
      // blank cell is undated, and the total row in the Day column is set aside.
      const text =
        "Day,Cost\n2025-04-03,1\n03/05/2025,2\n,3\n2025-04-03,4\n25/04/2025,5\nTotal: Account,15\n2024-12-31,6\n";
      const dataset = readText(text, { chunkBytes });
      const read = Array.from(dataset.facts.days ?? [], (day) => (day === NO_DAY ? null : dayToIso(day)));
      expect(read).toEqual(["2025-04-03", "2025-05-03", null, "2025-04-03", "2025-04-25", "2024-12-31"]);
      expect(dataset.receipt.dateRange).toEqual({ from: "2024-12-31", to: "2025-05-03" });
    },
  );

  it.each([undefined, 7, 24])("reads a column of ISO dates into days (chunk %s)", (chunkBytes) => {
    const text = "Date,Cost\n2025-01-01,1\n2025-01-01,2\n2025-01-02,3\n2024-12-31,4\n2025-01-02,5\n";
    const dataset = readText(text, { chunkBytes });
    const read = Array.from(dataset.facts.days ?? [], (day) => dayToIso(day));
    expect(read).toEqual(["2025-01-01", "2025-01-01", "2025-01-02", "2024-12-31", "2025-01-02"]);
  });

  it("dates GA4 week numbers from the year of the report period", () => {
    const text =
      "# Start date: 20250101\n# End date: 20251231\n\nSession default channel group,Week,Sessions,Key events\nEmail,01,10,1\nEmail,02,20,2\n";
    const { days: read } = days(text);
    expect(read).toEqual(["2025-01-01", "2025-01-05"]);
  });

  it("reports Meta lifetime rows as a window, not as daily facts", () => {
    const text = [
      "Reporting starts,Reporting ends,Campaign name,Amount spent (USD)",
      "2023-02-05,2026-03-05,A,10",
      "2023-02-05,2026-03-05,B,20",
    ].join("\n");
    const { dataset } = days(text);
    expect(dataset.facts.days).toBeNull();
    expect(dataset.receipt.dateRange).toEqual({ from: "2023-02-05", to: "2026-03-05" });
    expect(dataset.receipt.warnings.join(" ")).toMatch(
      /not daily: trends and period comparisons need an export broken down by day/,
    );
  });
});
