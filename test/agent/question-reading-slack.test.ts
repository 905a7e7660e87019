import { describe, expect, it } from "vitest";
import { loadFixture } from "../../eval/fixtures/index.js";
import { readNegations } from "../../src/agent/offline/negations.js";
import { outOfReach } from "../../src/agent/offline/out-of-reach.js";
import { parseQuestion } from "../../src/agent/offline/question-parser.js";
import { readExport } from "../../src/ingest/index.js";

/** Rules for questions as marketers type them in Slack: contractions, "wow", thresholds, negations. */
const segments = () => loadFixture("segments").dataset;
const read = (question: string) => parseQuestion(question, segments(), "2026-12-07");

/** A Google Ads report whose own columns share words with the common ones ("Campaign type", a status). */
function googleReport() {
  return fromLines([
    "Campaign,Campaign type,Ad group,Status,Cost,Impr.,Clicks,Conversions",
    "Brand,Search,Brand_Exact,Enabled,100.00,1000,50,5",
    "Generic,Search,Generic broad,Ad group paused,200.00,3000,60,3",
    "Remarketing,Display,All visitors,Enabled,50.00,9000,20,1",
  ]);
}
const readReport = (question: string) => parseQuestion(question, googleReport(), "2026-12-07");

/** A small export from its lines, read as an upload would be. */
function fromLines(lines: readonly string[]) {
  return readExport({ bytes: Buffer.from(`${lines.join("\n")}\n`), name: "export.csv" });
}

describe("reading Slack phrasing", () => {
  it.each([
    ["didn't we spend more in march?", "did we spend more in march?"],
    ["Didn’t ROAS drop last week", "Did ROAS drop last week"],
    ["isn't the cpa going up", "is the cpa going up"],
    ["campaigns that didn't convert", "campaigns that did not convert"],
    ["why can't we scale", "why can not we scale"],
    ["don't include brand", "do not include brand"],
    ["don't we spend more on mobile", "do we spend more on mobile"],
    ["we won't hit the target", "we will not hit the target"],
  ])("reads the negation of %s as %s", (question, expected) => {
    expect(readNegations(question)).toBe(expected);
  });

  it("asks a negated yes-or-no question as its plain form, and keeps any other 'not' to decline on", () => {
    const negated = read("didn't we spend more in september than august?");
    expect(negated).toMatchObject({ intent: "compare", changeAsked: "up", unread: [] });
    expect(negated.periods).toHaveLength(2);
    expect(read("campaigns that didn't get clicks").unread).toContain("not");
    expect(read("campaigns that didn't get clicks").unread).not.toContain("didn");
  });

  it.each([
    ["ctr trend week over week", "week"],
    ["roas trending wow", "week"],
    ["spend trend mom", "month"],
    ["chart cpa day over day", "day"],
  ])("reads %s as a series by %s, not one period against another", (question, grain) => {
    expect(read(question)).toMatchObject({ grain, periods: [] });
    expect(read(question).intent).not.toBe("compare");
  });

  it("still reads 'wow' and 'mom' without a series word as the latest period against the one before", () => {
    expect(read("clicks wow")).toMatchObject({ intent: "compare", periods: [{ period: "last_7_days" }] });
    expect(read("impressions mom")).toMatchObject({ intent: "compare", periods: [{ period: "last_month" }] });
  });

  it.each([
    ["campaigns with cpc over 10,000", { metric: "cpc", above: 10000 }],
    ["campaigns with more than 100 conversions", { metric: "conversions", above: 100 }],
    ["ad sets with fewer than 5 conversions", { metric: "conversions", below: 5 }],
    ["campaigns with over 2,500 clicks", { metric: "clicks", above: 2500 }],
  ])("reads the limit of %s", (question, limit) => {
    expect(read(question)).toMatchObject({ intent: "breakdown", thresholds: [limit], unread: [] });
  });

  it("reads a column of the file named in several words before the common word inside it", () => {
    expect(readReport("spend by campaign type")).toMatchObject({
      intent: "breakdown",
      dimension: "Campaign type",
      unread: [],
    });
    expect(readReport("spend by campaign").dimension).toBe("campaign");
  });

  it("never reads a word for a column as the leading words of a value ('ad group' of 'Ad group paused')", () => {
    const parsed = readReport("which ad group drove the most conversions");
    expect(parsed).toMatchObject({ intent: "rank", dimension: "ad_group", filters: [] });
  });

  it("reads 'non-brand' and 'except mf_traffic' as the names without that part", () => {
    expect(readReport("cpa for non brand")).toMatchObject({
      filters: [{ dimension: "campaign", values: ["Generic", "Remarketing"] }],
      unread: [],
    });
    expect(readReport("spend on everything except brand_exact")).toMatchObject({
      filters: [{ dimension: "ad_group", values: ["Generic broad", "All visitors"] }],
    });
  });

  it.each([
    ["how did brand do compared to non-brand", "“non-brand”"],
    ["brand vs non brand cpa", "“non-brand”"],
    ["share of spend by objective", "share of the total"],
    ["what % of spend went to performance max", "share of the total"],
    ["what percentage of our budget is search", "share of the total"],
  ])("declines %s, saying what it can answer instead", (question, reason) => {
    expect(outOfReach(question, googleReport())).toContain(reason);
  });

  it("leaves questions without a share or a part against the rest to the tools", () => {
    expect(outOfReach("cpa for non-brand", googleReport())).toBeNull();
    expect(outOfReach("brand vs generic spend", googleReport())).toBeNull();
  });

  it("sets values against each other within one period, unless a move over time is asked", () => {
    expect(read("women vs men spend in september")).toMatchObject({ intent: "compare", sideBySide: true });
    expect(read("did women vs men spend go up in september")).toMatchObject({ sideBySide: false });
    expect(read("women vs men spend september vs august")).toMatchObject({ sideBySide: false });
    expect(read("spend in september vs august")).toMatchObject({ intent: "compare", sideBySide: false });
  });

  it.each(["spend on 25-34 yr olds", "spend on 25-34 year olds", "spend on 25-34 y/o"])(
    "reads the age band of %s and nothing else",
    (question) => {
      const ages = fromLines([
        "Day,Campaign name,Age,Amount spent (USD),Impressions",
        "2024-11-01,A,25-34,1.00,10",
        "2024-11-01,A,35-44,2.00,20",
      ]);
      expect(parseQuestion(question, ages, "2026-12-07")).toMatchObject({
        filters: [{ values: ["25-34"] }],
        unread: [],
      });
    },
  );

  it("reads 'which X has a better …' as a ranking of X, and 'getting better' as a move over time", () => {
    expect(readReport("which device has a better conv rate")).toMatchObject({
      intent: "rank",
      direction: "best",
    });
    expect(readReport("which campaign type converts worse")).toMatchObject({
      intent: "rank",
      direction: "worst",
      dimension: "Campaign type",
    });
    expect(read("which campaign is getting better")).not.toMatchObject({ intent: "rank" });
  });

  it("reads a metric word the file cannot compute as the value it names ('engagement', a Meta objective)", () => {
    const objectives = fromLines([
      "Reporting starts,Campaign name,Objective,Amount spent (USD),Impressions,Link clicks",
      "2025-04-01,A,Messages,10.00,100,5",
      "2025-04-01,B,Engagement,20.00,300,9",
    ]);
    const parsed = parseQuestion(
      "how did messages campaigns do compared to engagement ones",
      objectives,
      "2026-12-07",
    );
    expect(parsed).toMatchObject({
      intent: "compare",
      metrics: [],
      filters: [{ dimension: "Objective", values: ["Messages", "Engagement"] }],
      unread: [],
    });
  });

  it("reads two numbers set against each other as ids when one column holds both", () => {
    const ids = fromLines([
      "ad_id,campaign_id,interest,Spent,Impressions,Clicks",
      "1,916,16,10,100,5",
      "2,936,10,20,300,9",
    ]);
    const parsed = parseQuestion("cpc 916 vs 936", ids, "2026-12-07");
    expect(parsed.filters).toHaveLength(1);
    expect(parsed.filters[0]?.values).toEqual(["916", "936"]);
    expect(parsed.unread).toEqual([]);
    // A number no column holds, or one that two columns hold, stays a number.
    expect(parseQuestion("cpc 916 vs 999", ids, "2026-12-07").filters).toEqual([]);
    expect(parseQuestion("clicks 16 vs 10", ids, "2026-12-07").filters[0]?.values).toEqual(["16", "10"]);
  });

  it("reads two short words found together in names as one part ('hon hop' of '11_Q7_Hon hop')", () => {
    const names = fromLines([
      "Reporting starts,Campaign name,Amount spent (USD),Impressions",
      "2025-04-01,11_Q7_Hon hop,10.00,100",
      "2025-04-01,11_Q2_Hon hop,20.00,300",
      "2025-04-01,07_HEAD_Hoa cat canh,5.00,50",
    ]);
    expect(parseQuestion("spend on hon hop campaigns", names, "2026-12-07")).toMatchObject({
      filters: [{ dimension: "campaign", values: ["11_Q7_Hon hop", "11_Q2_Hon hop"] }],
      unread: [],
    });
    // Short words that are not together in any name stay unread.
    expect(parseQuestion("spend on hop hon campaigns", names, "2026-12-07").unread).toEqual(["hop", "hon"]);
  });

  it("reads 'how many campaigns' as a count it declines, and with a limit as the list of those campaigns", () => {
    expect(readReport("how many ad groups do we have").outOfReach).toContain("a count of ad groups");
    expect(readReport("how many campaigns spent over 100")).toMatchObject({
      intent: "breakdown",
      dimension: "campaign",
      minSpend: 100,
      outOfReach: null,
    });
    expect(readReport("how many clicks did brand get").outOfReach).toBeNull();
  });

  it("reads 'is spend down this month?' as this month against the one before, asked as down", () => {
    expect(read("is spend down this month?")).toMatchObject({ intent: "compare", changeAsked: "down" });
    expect(read("was cpc higher in september?")).toMatchObject({ intent: "compare", changeAsked: "up" });
    // Without a period it stays the question of which way the series is heading, or a plain figure.
    expect(read("is spend down")).not.toMatchObject({ intent: "compare" });
  });

  it.each([
    ["ctr l7d", "last_7_days"],
    ["spend last 30d", "last_30_days"],
    ["cpm last wk", "last_week"],
    ["spend yday", "latest_day"],
  ])("reads the chat shorthand of %s as %s", (question, period) => {
    expect(read(question)).toMatchObject({ periods: [{ period }], unread: [] });
  });

  it("reads 'yesterday vs the day before' as the latest day against the one before", () => {
    expect(read("spend yesterday vs the day before")).toMatchObject({
      intent: "compare",
      periods: [{ period: "latest_day" }],
      unread: [],
    });
  });

  it("declines to judge performance from spend alone, and judges by a metric the question names", () => {
    const spendOnly = fromLines([
      "Day,Campaign name,Ad name,Amount spent (USD),Impressions",
      "2024-11-01,A,X,1.00,10",
      "2024-11-01,A,Y,2.00,20",
    ]);
    const ask = (question: string) => parseQuestion(question, spendOnly, "2026-12-07");
    expect(ask("best performing ad")).toMatchObject({
      outOfReach: expect.stringContaining("conversions or revenue"),
    });
    expect(ask("which ads should we pause")).toMatchObject({
      outOfReach: expect.stringContaining("conversions or revenue"),
    });
    expect(ask("which ads should we pause based on cpm")).toMatchObject({
      metrics: ["cpm"],
      outOfReach: null,
    });
    // With conversions, performance is judged by them as before.
    expect(readReport("best performing campaign").outOfReach).toBeNull();
  });

  it("reads 'pmax' as Google's Performance Max campaign type, and says so of a file without one", () => {
    const types = fromLines([
      "Campaign,Campaign type,Cost,Clicks",
      "A,Performance Max,10.00,5",
      "B,Search,20.00,9",
    ]);
    expect(parseQuestion("pmax cpa", types, "2026-12-07")).toMatchObject({
      filters: [{ dimension: "Campaign type", values: ["Performance Max"] }],
      unread: [],
    });
    expect(read("pmax spend").missing).toEqual([{ word: "pmax", column: "campaign type" }]);
  });
});
