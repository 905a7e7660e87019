import { describe, expect, it } from "vitest";
import { loadFixture } from "../../eval/fixtures/index.js";
import { answerQuestion, silentLogger } from "../../src/agent/index.js";
import { parseQuestion } from "../../src/agent/offline/question-parser.js";
import { readExport } from "../../src/ingest/index.js";

/**
 * Months, weeks and quarters ranked by any metric, ratios included, and a direction asked "month over
 * month": the marketer asks about periods of time, so campaigns or the period's total answer another
 * question. Figures below are worked out from the rows here, not through the app.
 */
const segments = () => loadFixture("segments").dataset;

async function ask(question: string, dataset = segments()) {
  return answerQuestion({ question, dataset, history: undefined, today: "2025-10-02", logger: silentLogger });
}

/** One campaign over `months` months from January 2024; month i spends 100·(i+1) for 10 conversions. */
function monthly(months: number) {
  const lines = ["Date,Campaign,Cost,Conversions,Conv. value"];
  for (let index = 0; index < months; index++) {
    const month = String(index + 1).padStart(2, "0");
    lines.push(`2024-${month}-10,Alpha,${100 * (index + 1)},10,${1000 - 100 * index}`);
    lines.push(`2024-${month}-20,Beta,${100 * (index + 1)},10,${1000 - 100 * index}`);
  }
  return readExport({ bytes: Buffer.from(`${lines.join("\n")}\n`), name: "export.csv" });
}

describe("periods of time ranked by a metric", () => {
  it.each([
    ["which month had the worst CPA", "month"],
    ["which week had the highest cpa", "week"],
    ["top 3 months by cpa", "month"],
    ["worst week by cpa", "week"],
    ["best month by roas", "month"],
    ["worst quarter by cpa", "quarter"],
    ["lowest ctr month", "month"],
    ["month with the highest cpa", "month"],
    ["weeks that had the most spend", "week"],
    ["bottom 3 weeks by ctr", "week"],
  ])("ranks the periods of %s, not campaigns nor the total", (question, part) => {
    expect(parseQuestion(question, segments(), "2025-10-02")).toMatchObject({
      intent: "rank",
      dimension: part,
      unread: [],
    });
  });

  it("names the month with the highest cost per conversion, worst first", async () => {
    // Month i costs 100·(i+1) for 20 conversions: CPA $5, $10, $15, $20; April is the worst.
    const answer = await ask("which month had the worst CPA", monthly(4));
    const text = answer.text;
    expect(text).toMatch(/Worst CPA by month: 2024-04/);
    expect(text.indexOf("2024-04")).toBeLessThan(text.indexOf("2024-03"));
    expect(text).not.toMatch(/Alpha|Beta/);
  });

  it("names the month with the highest ROAS as the best", async () => {
    // Month i returns 2·(1000−100i) on 200·(i+1): ROAS 10, 4.5, 2.67: January is the best.
    const answer = await ask("best month by roas", monthly(3));
    expect(answer.text).toMatch(/Best ROAS by month: 2024-01 at 10\.00x/);
    expect(answer.text).not.toMatch(/Alpha|Beta/);
  });

  it("ranks weeks of the segments export by CPA, the week of 15 September worst", async () => {
    const answer = await ask("worst week by cpa");
    expect(answer.text).toMatch(/Worst CPA by week: week of 2025-09-15 at \$33\.49/);
  });

  it("does not claim more quarters than the data has: one quarter is 'the quarter'", async () => {
    const answer = await ask("worst quarter by cpa");
    expect(answer.text).toContain("Read as: the quarter with the highest CPA");
    expect(answer.text).not.toMatch(/3 quarters|unverified/);
    expect(answer.text).toContain("$21.29");
  });

  it("says the count the answer shows when fewer periods exist than asked for", async () => {
    const answer = await ask("top 5 months by spend", monthly(2));
    expect(answer.text).toContain("Read as: 2 months with the highest spend");
  });
});

describe("a direction asked period over period", () => {
  it.each([
    ["is cpa going up month over month?", "month"],
    ["is ctr rising week over week", "week"],
  ])("reads %s as the series by that period over all the data", (question, grain) => {
    const parsed = parseQuestion(question, segments(), "2025-10-02");
    expect(parsed).toMatchObject({ intent: "trend", grain });
    expect(parsed.verdict).not.toBeNull();
  });

  it.each([
    ["is roas improving month over month", "up"],
    ["is cpa improving month over month", "down"],
    ["is cpa getting worse month over month", "up"],
    ["is spend growing mom", "up"],
    ["is spend declining mom", "down"],
    ["are conversions dropping month over month", "down"],
  ])("reads %s as the monthly series, asking whether it goes %s", (question, way) => {
    // Better or worse is down or up by the metric: a falling CPA is an improving one.
    expect(parseQuestion(question, segments(), "2025-10-02")).toMatchObject({
      intent: "trend",
      grain: "month",
      verdict: way,
      unread: [],
    });
  });

  it("leaves 'is Prospecting getting worse?' to the comparison: no metric names which way is worse", () => {
    expect(parseQuestion("Is Prospecting getting worse?", segments(), "2025-10-02").verdict).toBeNull();
  });

  it("answers 'is cpa going up month over month?' with the three months, not September's weeks", async () => {
    const answer = await ask("is cpa going up month over month?");
    expect(answer.text).toContain("Read as: CPA by month, and which way it is heading");
    expect(answer.text).toContain("2025-07-01 to 2025-09-30");
    expect(answer.text).not.toMatch(/Week of/);
  });

  it("still compares the last month with the one before when no direction is asked", async () => {
    const answer = await ask("spend month over month");
    expect(answer.text).toContain("one period against another");
  });
});

describe("the worst day of the week", () => {
  it("heads the answer with the weekday of lowest ROAS when the worst is asked", async () => {
    // Per weekday over the segments rows: Tuesday 2.765x is the lowest, Monday 2.909x the highest.
    const answer = await ask("which weekday has the worst ROAS");
    const [headline] = answer.text.split("\n");
    expect(headline).toMatch(/Tuesday/);
    expect(headline).toMatch(/worst ROAS/);
    expect(headline).not.toMatch(/Monday|best/);
  });

  it("reads the highest CPA as the worst, and the lowest CPA as the best", async () => {
    const worst = await ask("which day of the week has the highest cpa");
    expect(worst.text.split("\n")[0]).toMatch(/worst/);
    const best = await ask("which day of the week has the lowest cpa");
    expect(best.text.split("\n")[0]).toMatch(/best/);
  });

  it("keeps the best first for the best", async () => {
    const answer = await ask("which weekday has the best ROAS");
    expect(answer.text.split("\n")[0]).toMatch(/Monday has the best ROAS/);
  });
});
