import { describe, expect, it } from "vitest";
import { loadFixture } from "../../eval/fixtures/index.js";
import { answerQuestion, silentLogger } from "../../src/agent/index.js";
import { planCalls } from "../../src/agent/offline/offline-plan.js";
import { parseQuestion } from "../../src/agent/offline/question-parser.js";

const TODAY = "2024-04-02";
const multi = () => loadFixture("multi").dataset;

function plan(question: string, dataset = multi()) {
  return planCalls(parseQuestion(question, dataset, TODAY), dataset);
}

function ask(question: string, history?: unknown, dataset = multi()) {
  return answerQuestion({ question, dataset, history, today: TODAY, logger: silentLogger });
}

describe("the offline analyst reads questions", () => {
  it.each([
    ["What did we spend?", { metrics: ["spend"] }],
    ["What's the total cost?", { metrics: ["spend"] }],
    ["Total sales for Meta", { metrics: ["revenue"] }],
    ["How many purchases?", { metrics: ["conversions"] }],
    ["cost per acquisition", { metrics: ["cpa"] }],
    ["return on ad spend", { metrics: ["roas"] }],
    ["click-through rate and cost per click", { metrics: ["ctr", "cpc"] }],
  ])("synonyms: %s", (question, args) => {
    expect(plan(question)[0]).toMatchObject({ name: "get_kpis", args });
  });

  it.each([
    ["Which channel has the lowest CPA?", { metric: "cpa", order: "top", dimension: "channel" }],
    ["Which channel has the highest CPA?", { metric: "cpa", order: "bottom" }],
    ["lowest ROAS campaigns", { metric: "roas", order: "bottom" }],
    ["best 4 campaigns", { metric: "roas", order: "top", n: 4 }],
    ["worst three campaigns by CTR", { metric: "ctr", order: "bottom", n: 3 }],
    ["cheapest campaign by cost per click", { metric: "cpc", order: "top" }],
  ])("rankings: %s", (question, args) => {
    expect(plan(question)[0]).toMatchObject({ name: "top_bottom", args });
  });

  it.each([
    ["spend for Meta", [{ dimension: "channel", values: ["Meta"] }]],
    ["spend on facebook", [{ dimension: "channel", values: ["Meta"] }]],
    ["spend for google", [{ dimension: "channel", values: ["Google Ads"] }]],
    [
      "spend for Brand Search in the US",
      [
        { dimension: "campaign", values: ["Brand Search"] },
        { dimension: "country", values: ["US"] },
      ],
    ],
  ])("filters: %s", (question, filters) => {
    expect(plan(question)[0]?.args.filters).toEqual(filters);
  });

  it('does not read a name in lower case as a short code ("us" is not the US)', () => {
    expect(plan("show us the spend")[0]?.args.filters).toBeUndefined();
  });

  it.each([
    ["spend in March", { date_range: { from: "2024-03-01", to: "2024-03-31" } }],
    ["spend in February 2024", { date_range: { from: "2024-02-01", to: "2024-02-29" } }],
    ["spend last 7 days", { period: "last_7_days" }],
    ["spend in the past 2 weeks", { period: "last_14_days" }],
    ["spend this month", { period: "this_month" }],
    ["spend yesterday", { period: "latest_day" }],
    ["spend from March to April", { date_range: { from: "2024-03-01", to: "2024-04-30" } }],
    ["spend in Q1", { date_range: { from: "2024-01-01", to: "2024-03-31" } }],
    ["spend year to date", { date_range: { from: "2024-01-01", to: "2024-03-31" } }],
  ])("periods: %s", (question, args) => {
    expect(plan(question)[0]?.args).toMatchObject(args);
  });

  it("reads ad set as ad group", () => {
    const leads = loadFixture("metaLeads").dataset;
    expect(plan("spend by ad set", leads)[0]).toMatchObject({
      name: "query",
      args: { group_by: ["ad_group"] },
    });
  });
});

describe("the offline analyst answers", () => {
  it("deterministically", async () => {
    const [first, second] = await Promise.all([
      ask("Why did CPA jump last week?"),
      ask("Why did CPA jump last week?"),
    ]);
    expect(first.text).toBe(second.text);
    expect(first.engine).toBe("offline");
    expect(first.note).toBeUndefined();
  });

  it("answers 'did it go up?' with a plain yes, no or about flat and both figures on the first line", async () => {
    const cpa = await ask("did cpa go up last week?");
    expect(cpa.text.split("\n")[0]).toBe(
      "**Yes: CPA went up from $23.67 to $28.18 (+19.1%); that is worse.**",
    );
    expect(cpa.text).toContain("2024-03-25 to 2024-03-31 vs 2024-03-18 to 2024-03-24");
    expect(cpa.unverified).toEqual([]);
    const roas = await ask("did roas drop last week?");
    expect(roas.text.split("\n")[0]).toBe(
      "**Yes: ROAS went down from 3.60x to 3.09x (−14.1%); that is worse.**",
    );
    const spend = await ask("did spend go up last week?");
    expect(spend.text.split("\n")[0]).toBe("**About flat: spend went from $5,585.34 to $5,578.82 (−0.1%).**");
  });

  it("gives no yes or no when a period reaches outside the data, and none to a 'why'", async () => {
    const partial = await ask("did spend go up in march?");
    expect(partial.text.split("\n")[0]).toMatch(
      /^\*\*No plain yes or no: one of the periods reaches outside/,
    );
    const why = await ask("why did cpa jump last week?");
    expect(why.text).not.toMatch(/\*\*(?:Yes|No|About flat):/);
  });

  it("says relative periods count back from the data's last date, once, in its reading line", async () => {
    const answer = await ask("spend last 7 days");
    expect(answer.text).toContain(
      "Read as: spend · 2024-03-25 to 2024-03-31 (the last 7 days, counted back from 2024-03-31, the last date in the data)",
    );
    expect(answer.text.split("2024-03-25 to 2024-03-31")).toHaveLength(2);
  });

  it("says a comparison's periods once, with how each was chosen", async () => {
    const answer = await ask("did roas drop last week?");
    expect(answer.text).toContain(
      "2024-03-25 to 2024-03-31 vs 2024-03-18 to 2024-03-24 (the last complete week (Monday to Sunday), counted back from 2024-03-31, the last date in the data, against the week before)",
    );
    expect(answer.text).toContain("**Change against the week before**");
    expect(answer.text.split("2024-03-18 to 2024-03-24")).toHaveLength(2);
  });

  it("says what it can answer, with three examples from the file's own columns, when it does not understand", async () => {
    const answer = await ask("Tell me about the weather");
    const examples = answer.text.split("\n").filter((line) => line.startsWith("- “"));
    expect(answer.toolCalls).toEqual([]);
    expect(examples).toEqual([
      "- “Top 5 campaigns by ROAS in the last 30 days”",
      "- “Trend of conversions by week for Meta”",
      "- “Why did ROAS change last week?”",
    ]);
  });

  it("builds examples from whatever columns a file has", async () => {
    const googleAds = loadFixture("googleAds").dataset;
    const answer = await ask("??", undefined, googleAds);
    expect(answer.text).toContain("- “Top 5 campaigns by ROAS”");
    expect(answer.text).toContain("- “Conversions by ad group”");
  });

  it("carries a short follow-up over from the thread's previous question", async () => {
    const first = await ask("What was the CPA in March?");
    const followUp = await ask("what about February?", first.history);
    expect(followUp.toolCalls[0]).toMatchObject({
      name: "get_kpis",
      args: { metrics: ["cpa"], date_range: { from: "2024-02-01", to: "2024-02-29" } },
    });
    expect(followUp.text).toContain("read as a follow-up to “What was the CPA in March?”");
  });

  it("gives concrete next actions and the attribution caveat when asked what to cut", async () => {
    const answer = await ask("which campaigns should I pause?");
    expect(answer.text).toContain("**Next actions**");
    expect(answer.text).toContain("1. Cap or pause TopView Test, Spark Ads, Prospecting");
    expect(answer.text).toContain("each platform attributes conversions with its own window and model");
  });

  it("states every figure from the tools (nothing for the checker to flag)", async () => {
    for (const question of [
      "Give me an overview",
      "Compare this week with last week",
      "Any anomalies in spend?",
    ]) {
      expect((await ask(question)).unverified).toEqual([]);
    }
  });
});
