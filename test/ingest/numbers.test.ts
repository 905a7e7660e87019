import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseNumberText } from "../../src/ingest/number-text.js";
import { column, readText, sums } from "./read-text.js";

const value = (text: string) => {
  const parsed = parseNumberText(text);
  return parsed.kind === "number" ? parsed.value : parsed.kind;
};

describe("reading one cell as a number", () => {
  it.each([
    ["1,234.50", 1234.5],
    ["$1,234.50", 1234.5],
    ["1.683,00", 1683],
    ["15,00", 15],
    ["R$ 39,89", 39.89],
    ["R$\u00a039,89", 39.89],
    ["1 234,56 €", 1234.56],
    ["1\u202f234,56", 1234.56],
    ["1'234.5", 1234.5],
    ["(1,234.00)", -1234],
    ["-3.2", -3.2],
    ["USD 12.50", 12.5],
    ["1.16%", 0.0116],
    ["7,14%", 0.0714],
    ["0.00", 0],
    ["1654,43", 1654.43],
    ["1.429999948", 1.429999948],
  ])("%j is %d", (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it.each(["--", " --", "-", "N/A", "", "—"])("%j is a placeholder for nothing", (text) => {
    expect(value(text)).toBe("blank");
  });

  it.each(["< 10%", "> 90%"])("%j is a bucket, not a number", (text) => {
    expect(value(text)).toBe("bucket");
  });

  it.each(["abc", "12-34", "1,2,3.4.5"])("%j is not a number", (text) => {
    expect(value(text)).toBe("invalid");
  });

  it("keeps both readings of a cell that only its column can settle", () => {
    expect(parseNumberText("795,836")).toMatchObject({
      value: 795836,
      commaValue: 795.836,
      evidence: "ambiguous",
    });
    expect(parseNumberText("1.683")).toMatchObject({ value: 1.683, commaValue: 1683, evidence: "ambiguous" });
  });

  const locales = ["en-US", "pt-BR", "de-DE", "fr-FR", "de-CH"] as const;
  it("reads back any amount written the way a locale writes it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }),
        fc.constantFrom(...locales),
        fc.constantFrom(0, 2),
        (cents, locale, digits) => {
          const amount = digits === 0 ? Math.trunc(cents / 100) : cents / 100;
          const text = new Intl.NumberFormat(locale, {
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          }).format(amount);
          const parsed = parseNumberText(text);
          expect(parsed.kind).toBe("number");
          if (parsed.kind !== "number") return;
          const decimalComma = locale !== "en-US" && locale !== "de-CH";
          expect(decimalComma ? parsed.commaValue : parsed.value).toBe(amount);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("reads every finite double written by JavaScript exactly", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (number) => {
        const parsed = parseNumberText(String(number));
        expect(parsed.kind).toBe("number");
        if (parsed.kind === "number") expect(parsed.value).toBe(number === 0 ? 0 : number);
      }),
      { numRuns: 500 },
    );
  });
});

describe("a column decides its decimal separator", () => {
  it("reads '1.234' as 1234 in a column that writes decimal commas elsewhere", () => {
    const dataset = readText("Campanha;Custo;Impr.\nA;1.234,50;1.234\nB;2,50;17\n");
    expect(column(dataset, "spend")).toEqual([1234.5, 2.5]);
    expect(column(dataset, "impressions")).toEqual([1234, 17]);
  });

  it("reads '1,234' as 1234 in an English report", () => {
    const dataset = readText('Campaign,Impr.,Cost\nA,"1,234",12.50\nB,"2,000",1.00\n');
    expect(column(dataset, "impressions")).toEqual([1234, 2000]);
  });

  it("reads the same cells as decimals when the report is Portuguese", () => {
    const dataset = readText('Campanha,Custo\nA,"1,234"\nB,"2,000"\n');
    expect(column(dataset, "spend")).toEqual([1.234, 2]);
  });

  it("parses fast-path cells exactly like the full reader", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1e9, max: 1e9 }), { minLength: 1, maxLength: 20 }),
        fc.constantFrom(0, 1, 2, 4, 6),
        (units, scale) => {
          const cells = units.map((unit) => (unit / 10 ** scale).toFixed(scale));
          const dataset = readText(`Campaign,Cost\n${cells.map((cell, i) => `c${i},${cell}`).join("\n")}\n`);
          expect(column(dataset, "spend")).toEqual(cells.map((cell) => Number(cell)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("warns about bucketed values and reads them as absent", () => {
    const dataset = readText("Campaign,Cost,Reach\nA,1,< 10\nB,2,15\n");
    expect(Array.from(dataset.facts.extraMeasures.reach ?? [])).toEqual([Number.NaN, 15]);
    expect(dataset.receipt.warnings).toContain(
      '"Reach": 1 bucketed value such as "< 10%" read as absent (the platform reports only a range)',
    );
  });

  it("keeps every value exactly when a column of counts later holds values 32 bits cannot", () => {
    // 2,000 rows of small counts (past the sample the column's width is chosen from), then values a 32-bit
    // float would round: a big count and a decimal.
    const rows = Array.from({ length: 2000 }, (_, i) => `A,1,${i % 90}`);
    const text = `Campaign,Cost,Clicks\n${rows.join("\n")}\nB,1,16777217\nC,1,0.1\n`;
    const dataset = readText(text);
    const clicks = column(dataset, "clicks");
    expect(clicks.slice(-3)).toEqual([1999 % 90, 16_777_217, 0.1]);
    expect(dataset.facts.measures.clicks).toBeInstanceOf(Float64Array);
    const counts = readText(`Campaign,Cost,Clicks\n${rows.join("\n")}\n`);
    expect(counts.facts.measures.clicks).toBeInstanceOf(Float32Array);
    expect(column(counts, "clicks")).toEqual(rows.map((_, i) => i % 90));
  });

  it("reads placeholders as absent, not zero", () => {
    const dataset = readText("Campaign,Cost,Conversions\nA,1, --\nB,2,N/A\nC,3,4\n");
    expect(column(dataset, "conversions")).toEqual([null, null, 4]);
    expect(sums(dataset)).toEqual({ spend: 6, conversions: 4 });
  });

  it("keeps Excel-mangled IDs as text", () => {
    const dataset = readText("Campaign ID,Campaign,Cost\n1.23457E+11,A,1\n1.23457E+11,B,2\n");
    expect(dataset.facts.dimensions["Campaign ID"]?.values).toEqual(["1.23457E+11"]);
  });

  it("says which cells of a measure were not numbers", () => {
    const dataset = readText(`Campaign,Cost\nA,1\nB,oops\n${"C,2\n".repeat(30)}`);
    expect(dataset.receipt.warnings).toContain(
      '"Cost": 1 value is not a number (first: "oops" on line 3) and were read as absent',
    );
  });
});
