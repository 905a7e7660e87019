import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { axisNumberFormat, formatAxisNumber, tickStep } from "../../src/charts/axis-format.js";
import { metricAxisTitle } from "../../src/charts/axis-title.js";
import { distinctLabels, elideLabel, MAX_LABEL_CHARACTERS } from "../../src/charts/elide-label.js";
import { formatDate, formatDateRange, isoDateTime } from "../../src/charts/format-date.js";
import { currencyStyle, formatCompact, formatCompactChange } from "../../src/format/format-figures.js";

describe("formatCompact", () => {
  it("writes money in the data's currency, compact from ten thousand", () => {
    expect(formatCompact("spend", 12_345.6, "USD")).toBe("$12.3K");
    expect(formatCompact("revenue", 1_240, "BRL")).toBe("R$1,240");
    expect(formatCompact("cpc", 0.42, "GBP")).toBe("£0.42");
    expect(formatCompact("spend", 2_100_000_000, "VND")).toBe("₫2.1B");
    expect(formatCompact("cpa", 45.5, "VND")).toBe("₫46");
    expect(formatCompact("spend", 999_999, "USD")).toBe("$1M");
    expect(formatCompact("aov", 12.5, null)).toBe("12.50");
  });

  it("shows rates as percentages and ROAS as a multiple", () => {
    expect(formatCompact("ctr", 0.0123, null)).toBe("1.23%");
    expect(formatCompact("cvr", 0.1234, null)).toBe("12.3%");
    expect(formatCompact("roas", 3.21, "USD")).toBe("3.21x");
    expect(formatCompact("roas", 0.8, "USD")).toBe("0.80x");
    // As the text writes it: an alert line of 2.30x beside a value of 2.26x must not read "2.3x" for both.
    expect(formatCompact("roas", 2.26, "USD")).toBe("2.26x");
    expect(formatCompact("roas", 12.34, "USD")).toBe("12.3x");
  });

  it("keeps counts whole and signs changes", () => {
    expect(formatCompact("clicks", 1204, null)).toBe("1,204");
    expect(formatCompact("impressions", 2_400_000, null)).toBe("2.4M");
    expect(formatCompact("conversions", -20, null, { signed: true })).toBe("−20");
    expect(formatCompact("spend", 1200, "USD", { signed: true })).toBe("+$1,200");
    expect(formatCompactChange(0.125)).toBe("+12.5%");
    expect(formatCompactChange(-0.03)).toBe("−3.0%");
    expect(formatCompactChange(2.4)).toBe("+240%");
  });

  it("says n/a for undefined KPIs instead of a misleading zero", () => {
    expect(formatCompact("cpa", null, "USD")).toBe("n/a");
    expect(formatCompact("roas", Number.NaN, "USD")).toBe("n/a");
  });

  it("falls back to the code for currencies it cannot name", () => {
    expect(currencyStyle("XYZ").prefix).toBe("XYZ\u00a0");
    expect(currencyStyle("not a code").prefix).toBe("not a code ");
    expect(currencyStyle(null).prefix).toBe("");
  });
});

describe("axis formats", () => {
  it("mirrors d3's tick steps", () => {
    expect(tickStep(0, 26_000, 6)).toBe(5000);
    expect(tickStep(0, 1.5, 6)).toBe(0.2);
    expect(tickStep(0, 0.016, 5)).toBe(0.005);
  });

  it("gives every tick of an axis the same suffix and decimals", () => {
    const thousands = axisNumberFormat("money", "USD", [0, 26_000], 6);
    expect([0, 5000, 20_000].map((value) => formatAxisNumber(value, thousands))).toEqual([
      "$0",
      "$5K",
      "$20K",
    ]);
    const cents = axisNumberFormat("money", "GBP", [0, 1.4], 6);
    expect([0.2, 1].map((value) => formatAxisNumber(value, cents))).toEqual(["£0.20", "£1.00"]);
    const billions = axisNumberFormat("money", "VND", [0, 3.2e9], 6);
    expect(formatAxisNumber(2e9, billions)).toBe("₫2.0B");
    const rates = axisNumberFormat("rate", null, [0, 0.016], 5);
    expect([0.005, 0.01].map((value) => formatAxisNumber(value, rates))).toEqual(["0.5%", "1.0%"]);
    const multiples = axisNumberFormat("multiple", "USD", [0, 4.4], 6);
    expect(formatAxisNumber(4, multiples)).toBe("4x");
    expect(formatAxisNumber(-0.05, axisNumberFormat("rate", null, [-0.2, 0.2], 6))).toBe("−5%");
  });

  it("titles axes with their unit", () => {
    expect(metricAxisTitle("spend", "USD")).toBe("Spend (USD)");
    expect(metricAxisTitle("cpc", "BRL")).toBe("CPC (BRL per click)");
    expect(metricAxisTitle("ctr", "USD")).toBe("CTR (%)");
    expect(metricAxisTitle("roas", "USD")).toBe("ROAS (revenue ÷ spend)");
    expect(metricAxisTitle("spend", null)).toBe("Spend");
  });
});

describe("dates", () => {
  it("prints ranges compactly and reads ISO dates as calendar days", () => {
    expect(formatDateRange({ from: "2024-03-04", to: "2024-03-31" })).toBe("Mar 4 – 31, 2024");
    expect(formatDateRange({ from: "2023-12-28", to: "2024-01-03" })).toBe("Dec 28, 2023 – Jan 3, 2024");
    expect(formatDateRange({ from: "2024-03-04", to: "2024-03-04" })).toBe("Mar 4, 2024");
    expect(formatDateRange(null)).toBeNull();
    expect(formatDate("2024-01-01")).toBe("Jan 1, 2024");
  });

  it("reads an ISO date's time exactly as parsing the date string does, invalid dates included", () => {
    const parsed = (text: string) => {
      const time = new Date(`${text.slice(0, 10)}T00:00:00Z`).getTime();
      return Number.isNaN(time) ? null : time;
    };
    const digits = (length: number) =>
      fc.integer({ min: 0, max: 10 ** length - 1 }).map((n) => String(n).padStart(length, "0"));
    fc.assert(
      fc.property(
        digits(4),
        digits(2),
        digits(2),
        fc.constantFrom("", "T12:00:00Z", " x"),
        (year, month, day, tail) => {
          const text = `${year}-${month}-${day}${tail}`;
          expect(isoDateTime(text)).toBe(parsed(text));
        },
      ),
      { numRuns: 2000 },
    );
    expect(isoDateTime("2024-02-30")).toBe(Date.UTC(2024, 2, 1));
    expect(isoDateTime("0024-01-05")).toBe(parsed("0024-01-05"));
    expect(isoDateTime("24-01-05")).toBeNull();
    expect(isoDateTime("March 4")).toBeNull();
  });
});

describe("elideLabel", () => {
  it("never touches a label of up to 40 characters", () => {
    const forty = "Campaign 05 – Brand/Ü Search – Exact 001";
    expect([...forty]).toHaveLength(40);
    expect(elideLabel(forty)).toBe(forty);
    expect(elideLabel("Promoção de Verão – São Paulo")).toBe("Promoção de Verão – São Paulo");
  });

  it("cuts longer labels at a word boundary and ends them with an ellipsis", () => {
    const long = "Summer Sale 2024 – Prospecting – Lookalike 1% – Advantage+ Audience";
    const short = elideLabel(long);
    expect(short).toBe("Summer Sale 2024 – Prospecting…");
    expect([...short].length).toBeLessThanOrEqual(MAX_LABEL_CHARACTERS);
    expect(long.startsWith(short.slice(0, -1))).toBe(true);
    expect(elideLabel("Retargeting Website Visitors Last Thirty Days Excluding Buyers")).toBe(
      "Retargeting Website Visitors Last…",
    );
  });

  it("cuts mid-word only when there is no word boundary to cut at", () => {
    const unbroken = "X".repeat(60);
    expect(elideLabel(unbroken)).toBe(`${"X".repeat(39)}…`);
  });

  it("keeps two long names with the same beginning apart", () => {
    const labels = distinctLabels([
      "Prospecting – Broad – Advantage+ Shopping – Creative A",
      "Prospecting – Broad – Advantage+ Shopping – Creative B",
    ]);
    expect(new Set(labels).size).toBe(2);
    for (const label of labels) expect([...label].length).toBeLessThanOrEqual(MAX_LABEL_CHARACTERS);
  });
});
