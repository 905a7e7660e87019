import { describe, expect, it } from "vitest";
import type { Json } from "../../src/agent/index.js";
import { checkNumbers } from "../../src/agent/index.js";
import { formatFigure } from "../../src/format/format-figures.js";
import { readerFrom, withReader } from "../../src/format/reader-locale.js";

const RESULTS: Json[] = [
  {
    totals: {
      spend: 1234567.891,
      revenue: 45210.32,
      clicks: 98765,
      ctr: 0.012345,
      roas: 3.24567,
      cpa: 36.6355,
    },
    changes: { cpa: { absolute: 4.51, relative: 0.19123 }, ctr: { absolute: -0.0021, relative: -0.0423 } },
    rows: [
      { key: "Summer Sale 2024", spend: 950.5 },
      { key: "Lookalike 1%", spend: 12 },
    ],
  },
];

function unverified(text: string, question?: string): string[] {
  return checkNumbers(text, { results: RESULTS, question }).unverified;
}

describe("the number checker", () => {
  it.each([
    ["money with separators and cents", "Revenue was $45,210.32."],
    ["money rounded to whole units", "Revenue was about $45,210."],
    ["k, M and B suffixes", "Spend hit $1.2M (clicks 98.8k, revenue $45.2k)."],
    ["a suffix written as a word", "Spend passed 1.23 million dollars."],
    ["a round number rounded to its significant digits", "Revenue of roughly $45,000."],
    ["currency codes", "Spend: 1,234,567.89 USD; revenue EUR 45,210.32."],
    ["other currency symbols", "Revenue €45,210.32 or £45,210.32 or R$45,210.32."],
    ["a rate as a percentage", "CTR was 1.23%."],
    ["a rate rounded further", "CTR was 1.2%."],
    ["a relative change with a sign", "CPA rose +19.1%."],
    ["a relative change with a minus sign", "CTR fell −4.2%."],
    ["a relative change without its sign", "CTR fell 4.2% week on week."],
    ["percentage points", "CTR fell 0.21 pp (0.21 percentage points)."],
    ["ROAS as a multiple", "ROAS was 3.2x, or 3.25×."],
    ["a negative amount", "CPA moved by -$4.51."],
    ["the change in bold markup", "**CPA: $36.64** (+$4.51)"],
  ])("accepts %s", (_, text) => {
    expect(unverified(text)).toEqual([]);
  });

  it.each([
    ["ISO dates and ranges", "From 2024-03-25 to 2024-03-31."],
    ["an ISO date closing an italic line", "_Period: 2024-03-01 to 2024-03-31_"],
    ["month-name dates", "On March 12, 2024, and Mar 4–10, and 5 March."],
    ["years and quarters", "In 2024 (Q1), better than 2023."],
    ["period lengths", "Over the last 7 days and the 14-day window, 3 weeks in."],
    ["counts of listed items", "Your top 3 campaigns and the 2 worst: here are 5 actions."],
    ["ordinals and list markers", "1. Cut it\n2) Scale it\nIt ranks 1st, #2 overall."],
    ["names holding digits", "Summer Sale 2024 and Lookalike 1% lead."],
  ])("ignores %s", (_, text) => {
    expect(unverified(text)).toEqual([]);
  });

  it("reads a figure ending a list item whole, when the next item starts with a week", () => {
    const list = "- Week of 2024-03-18: $1,234,567.89\n- Week of 2024-03-25: $45,210.32";
    expect(unverified(list)).toEqual([]);
    expect(unverified(list.replace("$1,234,567.89", "$1,234,999.99"))).toEqual(["$1,234,999.99"]);
  });

  it("reads a name with digits as a name where Markdown escapes it, and its figures as figures", () => {
    const names = ["07_HEAD_Hoa cat canh", "11_Q7_Hon hop"];
    const check = (text: string) => checkNumbers(text, { results: RESULTS, names }).unverified;
    expect(check("1. 07\\_HEAD\\_Hoa cat canh: $950.50\n2. 11\\_Q7\\_Hon hop: $12.00")).toEqual([]);
    expect(check("1. 07\\_HEAD\\_Hoa cat canh: $951.00")).toEqual(["$951.00"]);
  });

  it("reads a whole-number id as a label only where it labels a row or follows a name", () => {
    const names = ["campaign", "1178", "936"];
    const check = (text: string) => checkNumbers(text, { results: RESULTS, names }).unverified;
    expect(check("**Highest spend by campaign: 1178 at $950.50**\n1. 1178: $950.50\n- 936: $12.00")).toEqual(
      [],
    );
    expect(check("Campaign 1178 spent $950.50.")).toEqual([]);
    // The same digits stated as a figure are still a figure no tool produced.
    expect(check("You spent $1178 on it, ROAS 936x.")).toEqual(["$1178", "936x"]);
  });

  it("ignores figures quoted from the question", () => {
    expect(unverified("Yes, CPA is above your $50 target.", "Is CPA above $50?")).toEqual([]);
    expect(unverified("Yes, CPA is above your $50 target.")).toEqual(["$50"]);
  });

  it.each([
    ["an invented amount", "Revenue was $52,000.00.", ["$52,000.00"]],
    ["a wrong rounding", "ROAS was 3.3x.", ["3.3x"]],
    ["a rate off by a point", "CTR was 2.23%.", ["2.23%"]],
    ["a change nobody computed", "Spend grew 37% and CPA rose 19.1%.", ["37%"]],
    ["a share the tools did not give", "Summer Sale 2024 took 40% of spend.", ["40%"]],
    ["a wrong suffix", "Spend was $1.2B.", ["$1.2B"]],
  ])("flags %s", (_, text, expected) => {
    expect(unverified(text)).toEqual(expected);
  });

  it("reads the count of rows left unlisted as a count, not a figure", () => {
    expect(unverified("…and 2 more rows\n…and 4 other campaigns")).toEqual([]);
  });

  it("lists each unverified figure once, as written", () => {
    expect(unverified("We spent $7,777 and then $7,777 again.")).toEqual(["$7,777"]);
  });

  it("reads every figure with its kind and value", () => {
    const { figures } = checkNumbers("Spend −$1.5k, CTR 1.23%, ROAS 3.2x, a 0.5 pp drop", { results: [] });
    expect(figures.map(({ text, value, kind }) => ({ text, value, kind }))).toEqual([
      { text: "−$1.5k", value: -1500, kind: "amount" },
      { text: "1.23%", value: 1.23, kind: "percent" },
      { text: "3.2x", value: 3.2, kind: "multiple" },
      { text: "0.5 pp", value: 0.5, kind: "points" },
    ]);
  });

  it("reads figures as the reader's locale writes them, so a Brazilian answer is checked too", () => {
    const brazilian = readerFrom("pt-BR", null);
    const text = withReader(
      brazilian,
      () =>
        `Spend ${formatFigure("spend", 1234567.891, "BRL")}, CPA ${formatFigure("cpa", 36.6355, "BRL")}, CTR ${formatFigure("ctr", 0.012345, null)}, ROAS ${formatFigure("roas", 3.24567, "BRL")}, clicks ${formatFigure("clicks", 98765, null)}.`,
    );
    expect(text).toBe("Spend R$\u00a01.234.567,89, CPA R$\u00a036,64, CTR 1,23%, ROAS 3,25x, clicks 98.765.");
    const checked = withReader(brazilian, () => checkNumbers(text, { results: RESULTS }));
    expect(checked.figures.map((figure) => figure.value)).toEqual([1234567.89, 36.64, 1.23, 3.25, 98765]);
    expect(checked.unverified).toEqual([]);
    // The same words read as en-US would be other numbers, and are not backed.
    expect(checkNumbers(text, { results: RESULTS }).unverified.length).toBeGreaterThan(0);
    expect(
      withReader(brazilian, () => checkNumbers("CPA R$ 40,10", { results: RESULTS }).unverified),
    ).toEqual(["R$ 40,10"]);
  });
});
