import { describe, expect, it } from "vitest";
import {
  formatChange,
  formatCompact,
  formatFigure,
  formatMoney,
  formatPercent,
} from "../../src/format/format-figures.js";
import { readerFrom, withReader } from "../../src/format/reader-locale.js";

const NBSP = "\u00a0";

describe("money in the file's currency", () => {
  it("writes a currency without a minor unit without one", () => {
    expect(formatMoney(6098.7, "VND")).toBe("₫6,099");
    expect(formatFigure("cpc", 6098.7, "VND")).toBe("₫6,099");
    expect(formatMoney(1234.5, "JPY")).toBe("¥1,235");
  });

  it("keeps the currency's cents on every amount, large or small, so one message has one kind", () => {
    expect(formatMoney(118.99, "BRL")).toBe("R$118.99");
    expect(formatMoney(36.19, "USD")).toBe("$36.19");
    expect(formatMoney(514_860.4, "USD")).toBe("$514,860.40");
    expect(formatMoney(12.5, null)).toBe("12.50");
  });
});

describe("figures in the reader's locale", () => {
  const brazilian = readerFrom("pt-BR", "America/Sao_Paulo");
  const german = readerFrom("de-DE", null);

  it("writes the data's currency in the reader's way, never another currency", () => {
    expect(withReader(brazilian, () => formatMoney(118.99, "BRL"))).toBe(`R$${NBSP}118,99`);
    expect(withReader(brazilian, () => formatMoney(118.99, "USD"))).toBe(`US$${NBSP}118,99`);
    expect(withReader(brazilian, () => formatMoney(1234567.5, "BRL"))).toBe(`R$${NBSP}1.234.567,50`);
    expect(withReader(german, () => formatMoney(1234.5, "EUR"))).toBe(`1.234,50${NBSP}€`);
    expect(formatMoney(1234.5, "EUR")).toBe("€1,234.50");
  });

  it("writes rates, multiples, counts and changes with the reader's separators", () => {
    withReader(brazilian, () => {
      expect(formatFigure("ctr", 0.0123, null)).toBe("1,23%");
      expect(formatFigure("roas", 3.214, "BRL")).toBe("3,21x");
      expect(formatFigure("impressions", 174572, null)).toBe("174.572");
      expect(formatChange(-0.04, -1)).toBe("−4,0%");
      expect(formatPercent(0.5, 0)).toBe("50%");
    });
    expect(formatChange(0.123, 1)).toBe("+12.3%");
  });

  it("puts a currency written after amounts after compact chart labels too", () => {
    expect(withReader(german, () => formatCompact("spend", 51_700, "EUR"))).toBe(`51,7K${NBSP}€`);
    expect(withReader(brazilian, () => formatCompact("spend", 51_700, "BRL"))).toBe(`R$${NBSP}51,7K`);
    expect(formatCompact("spend", 999_999, "USD")).toBe("$1M");
    expect(withReader(brazilian, () => formatCompact("spend", 999_999, "USD"))).toBe(`US$${NBSP}1M`);
  });

  it("falls back to en-US for a locale Intl does not know, and always uses Latin digits", () => {
    expect(readerFrom("xx-YY", "Nowhere/City")).toEqual({ locale: "en-US", timeZone: null });
    expect(readerFrom("en_GB", "Europe/London")).toEqual({ locale: "en-GB", timeZone: "Europe/London" });
    const arabic = readerFrom("ar-EG", null);
    expect(withReader(arabic, () => formatFigure("clicks", 1234, null))).toMatch(/1.234/);
  });
});

describe("rates", () => {
  it("keeps two display CTRs under 0.1% apart instead of showing both as 0.02%", () => {
    // KAG's campaigns 936 and 1178: 1,984 clicks on 8,128,187 impressions, 36,068 on 204,823,716.
    expect(formatFigure("ctr", 1984 / 8128187, null)).toBe("0.024%");
    expect(formatFigure("ctr", 36068 / 204823716, null)).toBe("0.018%");
    expect(formatFigure("ctr", 0.0123, null)).toBe("1.23%");
    expect(formatFigure("cvr", 0, null)).toBe("0.00%");
  });
});
