import { describe, expect, it } from "vitest";
import { offlineInsights } from "../../src/agent/insights/offline-insights.js";

function summary(rows: [string, number, number][]) {
  const breakdown = rows.map(([key, spend, conversions]) => ({
    key,
    spend,
    conversions,
    cpa: conversions > 0 ? spend / conversions : null,
  }));
  const spend = rows.reduce((sum, [, value]) => sum + value, 0);
  const conversions = rows.reduce((sum, [, , value]) => sum + value, 0);
  return {
    source: { currency: "BRL" },
    totals: { spend, conversions, cpa: spend / conversions },
    breakdown,
    by: "campaign",
  };
}

describe("the offline narrative's best, weakest and budget advice", () => {
  it("calls nothing best among three campaigns", () => {
    const text = offlineInsights(
      summary([
        ["A", 100, 10],
        ["B", 80, 2],
        ["C", 60, 6],
      ]),
    );
    expect(text).not.toMatch(/Best|Weakest|move that budget/);
  });

  it("moves no budget towards a campaign with one conversion", () => {
    const text = offlineInsights(
      summary([
        ["Big", 110.5, 13],
        ["Small", 8.49, 1],
        ["C", 50, 4],
        ["D", 40, 3],
      ]),
    );
    expect(text).toMatch(/Best CPA: \*\*Small\*\*/);
    expect(text).not.toMatch(/move that budget/);
    expect(text).toMatch(/Hold budgets .* until each has 10 conversions or more/);
    // No budget moved, so no shift to confirm.
    expect(text).not.toMatch(/shift paid off/);
  });

  it("advises the move when both sides have the volume", () => {
    const text = offlineInsights(
      summary([
        ["A", 1000, 50],
        ["B", 1000, 20],
        ["C", 800, 30],
        ["D", 900, 25],
      ]),
    );
    expect(text).toMatch(/Cap \*\*B\*\* and move that budget towards \*\*A\*\*/);
  });

  it("calls the campaign that spent most with no conversions the weakest, not the worst CPA it can compute", () => {
    const text = offlineInsights(
      summary([
        ["A", 1000, 50],
        ["B", 1000, 20],
        ["C", 800, 30],
        ["D", 900, 25],
        ["Burner", 700, 0],
        ["Quiet", 500, 0],
      ]),
    );
    expect(text).toContain("Weakest CPA: **Burner**, no conversions on R$");
    expect(text).not.toMatch(/Weakest CPA: \*\*B\*\*/);
    // No conversions on R$ 700 where the account pays R$ 39.20 for one: about 18 would be expected.
    expect(text).toMatch(/Cap \*\*Burner\*\* and move that budget towards \*\*A\*\*/);
  });

  it("holds budgets when a campaign without conversions spent too little to expect any", () => {
    const text = offlineInsights(
      summary([
        ["A", 1000, 10],
        ["B", 1000, 5],
        ["C", 800, 8],
        ["D", 900, 9],
        // Above the spend floor, but under three times the account's CPA (R$ 120.31).
        ["New", 150, 0],
      ]),
    );
    expect(text).toContain("Weakest CPA: **New**, no conversions on R$");
    expect(text).toMatch(/Hold budgets between \*\*New\*\* and \*\*A\*\*/);
  });

  it("writes only the next actions when the reader sees the rest", () => {
    const text = offlineInsights(
      summary([
        ["A", 1000, 50],
        ["B", 1000, 20],
        ["C", 800, 30],
        ["D", 900, 25],
      ]),
      {
        nextActionsOnly: true,
      },
    );
    expect(text.startsWith("## Next actions\n")).toBe(true);
    expect(text).not.toMatch(/Headline|What stands out/);
  });

  it("does not tell a report already broken down by campaign to break the figures down", () => {
    const three = summary([
      ["A", 100, 10],
      ["B", 80, 2],
      ["C", 60, 6],
    ]);
    expect(offlineInsights(three)).toMatch(/Break the figures down/);
    const text = offlineInsights(three, { nextActionsOnly: true });
    expect(text).not.toMatch(/Break the figures down/);
    expect(text).toMatch(/^## Next actions\n1\. Track CPA weekly/);
  });
});

/** Rows by ROAS, given in the order listed (a summary posted to the API may come in any order). */
function roasSummary(rows: [string, number, number][]) {
  const breakdown = rows.map(([key, spend, revenue]) => ({
    key,
    spend,
    revenue,
    roas: spend > 0 ? revenue / spend : null,
  }));
  const spend = rows.reduce((sum, [, value]) => sum + value, 0);
  const revenue = rows.reduce((sum, [, , value]) => sum + value, 0);
  return { source: { currency: "USD" }, totals: { spend, revenue, roas: revenue / spend }, breakdown };
}

describe("the offline narrative ranks as every other ranking does", () => {
  it("breaks a tie for best ROAS towards the larger spender, whatever order the rows came in", () => {
    // Small and Big both return 4.00x; Big proves it on ten times the money.
    const text = offlineInsights(
      roasSummary([
        ["Small", 100, 400],
        ["Big", 1000, 4000],
        ["Mid", 500, 1000],
        ["Low", 600, 600],
      ]),
    );
    expect(text).toMatch(/Best ROAS: \*\*Big\*\* at 4\.00x/);
  });

  it("breaks a tie for weakest ROAS towards the larger spender: it lost more money", () => {
    const text = offlineInsights(
      roasSummary([
        ["A", 1000, 4000],
        ["B", 500, 1000],
        ["Heavy", 600, 600],
        ["Light", 200, 200],
      ]),
    );
    expect(text).toMatch(/Weakest ROAS: \*\*Heavy\*\* at 1\.00x/);
  });

  it("never calls a segment that spent nothing the best, even with revenue", () => {
    const text = offlineInsights(
      roasSummary([
        ["Organic", 0, 900],
        ["A", 1000, 3000],
        ["B", 500, 1000],
        ["C", 600, 600],
        ["D", 400, 600],
      ]),
    );
    expect(text).toMatch(/Best ROAS: \*\*A\*\*/);
    expect(text).not.toMatch(/\*\*Organic\*\* at/);
  });
});
