import { describe, expect, it } from "vitest";
import { formatFigure, formatMoney } from "../../src/format/format-figures.js";

describe("money in the file's currency", () => {
  it("writes a currency without a minor unit without one", () => {
    expect(formatMoney(6098.7, "VND")).toBe("₫6,099");
    expect(formatFigure("cpc", 6098.7, "VND")).toBe("₫6,099");
    expect(formatMoney(1234.5, "JPY")).toBe("¥1,235");
  });

  it("keeps cents where the currency has them, and none on large sums", () => {
    expect(formatMoney(118.99, "BRL")).toBe("R$118.99");
    expect(formatMoney(36.19, "USD")).toBe("$36.19");
    expect(formatMoney(514_860.4, "USD")).toBe("$514,860");
    expect(formatMoney(12.5, null)).toBe("12.50");
  });
});
