import { describe, expect, it } from "vitest";
import { loadFixture } from "../../eval/fixtures/index.js";
import { answerQuestion, silentLogger } from "../../src/agent/index.js";
import { readOptimizerQuestion } from "../../src/agent/offline/optimizer-questions.js";
import { parseQuestion } from "../../src/agent/offline/question-parser.js";
import { requiredReading } from "../../src/agent/offline/required-reading.js";
import { readExport } from "../../src/ingest/index.js";

/**
 * Dates and days as marketers write them: single days ranked ("which day had the highest spend"), named
 * shopping days, dates in numbers either way round, averages and medians, "this week vs last".
 */
const multi = () => loadFixture("multi").dataset;
const read = (question: string) => parseQuestion(question, multi(), "2026-12-07");

function fromLines(lines: readonly string[]) {
  return readExport({ bytes: Buffer.from(`${lines.join("\n")}\n`), name: "export.csv" });
}

/** Daily spend from `from` for `days` days, one campaign; the day `peak` spends 500, every other day 10 + i. */
function dailySpend(from: string, days: number, peak: string) {
  const start = Date.parse(`${from}T00:00:00Z`);
  const lines = ["Date,Campaign,Cost,Clicks"];
  for (let index = 0; index < days; index++) {
    const date = new Date(start + index * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${date},Alpha,${date === peak ? 500 : 10 + index},${index + 1}`);
  }
  return fromLines(lines);
}

describe("single days against days of the week", () => {
  it.each([
    "which day had the highest spend",
    "what was our best day for clicks?",
    "top 3 days by spend",
    "worst day for cpa in march",
    "best day for roas last 14 days",
  ])("ranks the dates of %s, not the weekdays", (question) => {
    expect(readOptimizerQuestion(question, multi())).toBeNull();
    expect(read(question)).toMatchObject({ intent: "rank", dimension: "day", unread: [] });
  });

  it.each(["highest spend day", "our worst days for roas", "peak day for revenue"])(
    "ranks the dates of %s, with no question word before 'day'",
    (question) => {
      expect(read(question)).toMatchObject({ intent: "rank", dimension: "day", unread: [] });
    },
  );

  it.each(["which hour of the day converts best", "best time of day for cpa"])(
    "leaves %s to the hourly reading",
    (question) => {
      expect(read(question).dimension).not.toBe("day");
    },
  );

  it.each([
    "which day of the week do we spend the most",
    "which weekday has the best roas",
    "which day do we get the best roas",
    "best day to post",
  ])("keeps %s a day-of-week pattern", (question) => {
    expect(readOptimizerQuestion(question, multi())?.call).toMatchObject({
      name: "weekday_pattern",
      args: { by: "weekday" },
    });
  });

  it("leaves a dimension ranked over a period of days alone", () => {
    expect(read("best campaigns last 7 days")).toMatchObject({ dimension: "campaign" });
    expect(read("which campaign spent the most in the last 14 days").dimension).toBe("campaign");
    expect(read("which campaign has the highest spend to date")).toMatchObject({
      dimension: "campaign",
      dimensions: ["campaign"],
    });
  });

  it("answers with the date that spent the most, and says it ranked days", async () => {
    const dataset = dailySpend("2024-03-01", 20, "2024-03-09");
    const answer = await answerQuestion({
      question: "which day had the highest spend",
      dataset,
      history: undefined,
      today: "2024-04-02",
      logger: silentLogger,
    });
    expect(answer.text).toContain("2024-03-09");
    expect(answer.text).toContain("500.00");
    expect(answer.text.split("\n")[0]).toContain("2024-03-09");
    expect(answer.text).toMatch(/Read as: .*days with the highest spend/);
  });
});

describe("weeks, months and quarters ranked", () => {
  it.each([
    ["which month had the highest spend", "month"],
    ["best month for revenue", "month"],
    ["which week had the most spend", "week"],
    ["worst quarter for cpa", "quarter"],
  ])("ranks the %s of the data by %s, not campaigns", (question, part) => {
    expect(read(question)).toMatchObject({ intent: "rank", dimension: part, unread: [] });
  });

  it("leaves a period named in weeks or months to the date reader", () => {
    expect(read("top campaigns last 2 weeks").dimension).toBe("campaign");
    expect(read("best campaign this month").dimension).toBe("campaign");
  });
});

describe("several things asked at once", () => {
  it("lists two metrics side by side in the order of the first, instead of ranking by one", () => {
    expect(read("which channel drove the most revenue and at what roas")).toMatchObject({
      intent: "breakdown",
      metrics: ["revenue", "roas"],
      dimension: "channel",
      direction: "high",
    });
    expect(read("top campaigns by roas").intent).toBe("rank");
  });

  it("asks a series split by a column for that split too", () => {
    expect(requiredReading(read("spend by channel by week")).groupings).toEqual(["channel", "week"]);
    expect(requiredReading(read("spend by week")).groupings).toEqual(["week"]);
  });

  it("reads 'quick summary of last week' as the week's figures", () => {
    expect(read("quick summary of last week pls")).toMatchObject({ intent: "totals", unread: [] });
  });
});

describe("the same day a week before", () => {
  it.each([
    ["spend yesterday vs same day last week", "2024-03-31", "2024-03-24"],
    ["cpa on mar 12 vs the same day the week before", "2024-03-12", "2024-03-05"],
  ])("reads %s as %s against %s", (question, day, before) => {
    expect(read(question)).toMatchObject({
      intent: "compare",
      unread: [],
      periods: [{ range: { from: day, to: day } }, { range: { from: before, to: before } }],
    });
  });

  it("declines it without one day to set against it", () => {
    expect(read("spend last week vs same day last week").outOfReach).toContain("one day to set against");
  });
});

describe("named shopping days", () => {
  const november = (year: number) => dailySpend(`${year}-11-01`, 61, `${year}-11-29`);

  it("reads Black Friday as the day after the fourth Thursday of November of the data's year", () => {
    const parsed = parseQuestion("spend since black friday", november(2024), "2026-12-07");
    expect(parsed.periods).toMatchObject([{ range: { from: "2024-11-29", to: "2024-12-31" } }]);
    expect(parsed.notes).toContain("Black Friday 2024 is 2024-11-29");
    expect(parsed.unread).toEqual([]);
    const earlier = parseQuestion("spend on black friday", november(2023), "2026-12-07");
    expect(earlier.periods).toMatchObject([{ range: { from: "2023-11-24", to: "2023-11-24" } }]);
  });

  it("takes the latest Black Friday on or before the data's last day, or the year named", () => {
    const early = dailySpend("2024-11-01", 20, "2024-11-05");
    expect(parseQuestion("black friday spend", early, "2026-12-07").periods).toMatchObject([
      { range: { from: "2023-11-24" } },
    ]);
    expect(parseQuestion("cyber monday 2024 clicks", early, "2026-12-07").periods).toMatchObject([
      { range: { from: "2024-12-02", to: "2024-12-02" } },
    ]);
    expect(parseQuestion("bfcm spend", november(2024), "2026-12-07").periods).toMatchObject([
      { range: { from: "2024-11-29", to: "2024-12-02" } },
    ]);
  });
});

describe("dates written in numbers and with any dash", () => {
  it.each([
    ["spend mar 4–10", "2024-03-04", "2024-03-10"],
    ["spend 4/3-10/3", "2024-03-04", "2024-03-10"],
    ["spend 20/2 - 26/2", "2024-02-20", "2024-02-26"],
    ["spend 2/20 to 2/26", "2024-02-20", "2024-02-26"],
    ["clicks on 15/3/2024", "2024-03-15", "2024-03-15"],
  ])("reads %s as %s to %s", (question, from, to) => {
    expect(read(question)).toMatchObject({ periods: [{ range: { from, to } }], unread: [] });
  });

  it("takes the order whose dates the data holds, and declines when both fit, naming both", () => {
    // 4/3-10/3 as month first is April 3 to October 3, after the data: day first is meant.
    expect(read("spend 4/3-10/3").outOfReach).toBeNull();
    const both = read("spend 3/2-3/3");
    expect(both.outOfReach).toContain("2024-02-03 to 2024-03-03");
    expect(both.outOfReach).toContain("2024-03-02 to 2024-03-03");
  });

  it("leaves a decimal threshold alone", () => {
    expect(read("campaigns with roas above 1.5")).toMatchObject({
      periods: [],
      thresholds: [{ above: 1.5 }],
    });
  });
});

describe("quarters, years and periods named several ways", () => {
  const monfrereLike = () => dailySpend("2024-01-01", 366, "2024-06-01");

  it.each([
    ["spend this quarter", "2024-10-01", "2024-12-31"],
    ["spend this qtr", "2024-10-01", "2024-12-31"],
    ["spend qtd", "2024-10-01", "2024-12-31"],
    ["spend last quarter", "2024-10-01", "2024-12-31"],
    ["spend last year", "2024-01-01", "2024-12-31"],
    ["spend 2024 ytd", "2024-01-01", "2024-12-31"],
  ])("reads %s as %s to %s of data ending 2024-12-31", (question, from, to) => {
    const parsed = parseQuestion(question, monfrereLike(), "2026-12-07");
    expect(parsed).toMatchObject({ unread: [], outOfReach: null });
    expect(parsed.dimension).toBeNull();
    expect(parsed.periods).toMatchObject([{ kind: "range", range: { from, to } }]);
  });

  it("reads a fortnight as 14 days", () => {
    expect(parseQuestion("spend past fortnight", monfrereLike(), "2026-12-07").periods).toMatchObject([
      { kind: "relative", period: "last_14_days" },
    ]);
  });

  it("reads 'last quarter' of data ending mid-quarter as the last complete quarter", () => {
    const parsed = parseQuestion(
      "spend last quarter",
      dailySpend("2024-07-01", 50, "2024-07-05"),
      "2026-12-07",
    );
    expect(parsed.periods).toMatchObject([{ range: { from: "2024-04-01", to: "2024-06-30" } }]);
  });

  it("declines three periods to compare rather than dropping one", () => {
    const segments = loadFixture("segments").dataset;
    expect(parseQuestion("cpa jul vs aug vs sep", segments, "2026-12-07").outOfReach).toContain(
      "three or more periods",
    );
    expect(parseQuestion("cpa aug vs sep", segments, "2026-12-07").outOfReach).toBeNull();
  });
});

describe("averages and medians", () => {
  it.each(["avg cpc", "average cpc last week", "avg. ctr by campaign"])(
    "reads %s as the rate over the period, and says so",
    (question) => {
      const parsed = read(question);
      expect(parsed).toMatchObject({ outOfReach: null, unread: [] });
      expect(parsed.notes.join(" ")).toContain("ratio of sums");
    },
  );

  it("keeps 'average order value' the KPI's own name", () => {
    expect(read("average order value")).toMatchObject({ metrics: ["aov"], notes: [], outOfReach: null });
  });

  it.each([
    ["avg daily spend", "an average of an amount"],
    ["average spend per campaign", "an average of an amount"],
    ["median cpc", "a median"],
  ])("declines %s, saying what it can answer instead", (question, reason) => {
    expect(read(question).outOfReach).toContain(reason);
    expect(read(question).outOfReach).toMatch(/ask e\.g\./);
  });
});

describe("comparisons and chat spellings", () => {
  it.each([
    "clicks this week vs last",
    "spend this month vs the previous one",
    "roas last wk vs the one before",
  ])("reads %s as one period against the one before", (question) => {
    expect(read(question)).toMatchObject({ intent: "compare", unread: [] });
    expect(read(question).periods).toHaveLength(1);
  });

  it("asks a comparison split by a column for that split, unless values are set side by side", () => {
    expect(requiredReading(read("spend by campaign last week vs the week before")).groupings).toEqual([
      "campaign",
    ]);
    expect(requiredReading(read("spend last week vs the week before")).groupings).toEqual([]);
  });

  it.each([
    ["wat was cpa lst week", "wat → what, lst → last"],
    ["how r we doing", "r → are"],
    ["hw much did we spend on meta", "hw → how"],
  ])("reads the chat spelling of %s and says so", (question, said) => {
    const parsed = read(question);
    expect(parsed.unread).toEqual([]);
    expect(parsed.notes).toContain(`read ${said}`);
  });

  it.each(["top 3 campaigns by spend excl brand search", "spend excluding brand search"])(
    "leaves out the whole name part of %s, not its first word",
    (question) => {
      expect(read(question)).toMatchObject({
        filters: [{ dimension: "campaign", described: "campaign not containing “brand search”" }],
        unread: [],
      });
      expect(read(question).filters[0]?.values).toContain("Generic Search");
      expect(read(question).filters[0]?.values).not.toContain("Brand Search");
    },
  );

  it("reads 'mob' as mobile", () => {
    const devices = loadFixture("segments").dataset;
    expect(parseQuestion("ctr on mob vs desktop", devices, "2026-12-07")).toMatchObject({
      filters: [{ dimension: "device", values: ["Mobile phones", "Computers"] }],
      unread: [],
    });
  });

  it("reads a short name set against another value of its column as that value ('canada vs us')", () => {
    expect(read("spend on canada vs us last 2 weeks")).toMatchObject({
      intent: "compare",
      sideBySide: true,
      filters: [{ dimension: "country", values: ["CA", "US"] }],
    });
    expect(read("how much did we spend on canada").filters).toMatchObject([{ values: ["CA"] }]);
  });

  it.each([
    ["roas > 4 campaigns", { metric: "roas", above: 4 }],
    ["campaigns where ctr < 1%", { metric: "ctr", below: 0.01 }],
    ["campaigns with cpa >= 30", { metric: "cpa", above: 30 }],
  ])("reads the sign in %s as a limit", (question, limit) => {
    expect(read(question)).toMatchObject({ intent: "breakdown", thresholds: [limit], unread: [] });
  });

  it("reads an arrow between two dates as a range, not two days to compare", () => {
    expect(read("spend 2024-03-01 → 2024-03-07")).toMatchObject({
      intent: "totals",
      periods: [{ range: { from: "2024-03-01", to: "2024-03-07" } }],
    });
  });

  it("counts sales as conversions in 'how many sales', and reads 'sales' alone as revenue", () => {
    expect(read("how many sales did we get yday").metrics).toEqual(["conversions"]);
    expect(read("sales last week").metrics).toEqual(["revenue"]);
  });
});

describe("what a file's words name: its measures, costs and budgets", () => {
  /** A Meta export whose Reach column shares its word with an objective. */
  const objectives = () =>
    fromLines([
      "Day,Campaign name,Objective,Reach,Amount spent (USD),Impressions,Link clicks",
      "2024-11-01,Awareness A,Reach,900,10.00,1000,10",
      "2024-11-01,Chat B,Messages,400,20.00,800,30",
      "2024-11-02,Awareness A,Reach,950,11.00,1100,12",
    ]);
  const readObjectives = (question: string) => parseQuestion(question, objectives(), "2026-12-07");

  it("reads 'reach by campaign' as the Reach column, and 'reach campaigns' as the objective", () => {
    expect(readObjectives("reach by campaign")).toMatchObject({
      extraMeasures: ["reach"],
      dimension: "campaign",
      filters: [],
    });
    expect(readObjectives("total reach last week")).toMatchObject({ extraMeasures: ["reach"], filters: [] });
    expect(readObjectives("spend on reach campaigns")).toMatchObject({
      extraMeasures: [],
      filters: [{ values: ["Reach"] }],
    });
  });

  it.each([
    ["cost per message", "a cost per message"],
    ["cost per install by campaign", "a cost per install"],
    ["what's the impression share", "an impression or click share"],
    ["search impr share by campaign", "an impression or click share"],
    ["budget by campaign", "the budgets set"],
    ["what are our daily budgets", "the budgets set"],
  ])("declines %s, saying what it can answer", (question, reason) => {
    expect(readObjectives(question).outOfReach).toContain(reason);
  });

  it.each(["cost per click by campaign", "cost per conversion", "cost per channel", "spend per campaign"])(
    "leaves %s to the metrics and splits it names",
    (question) => {
      expect(read(question).outOfReach).toBeNull();
    },
  );

  it("reads 'kws' as keywords", () => {
    const keywords = fromLines(["Keyword,Cost,Clicks", "shoes,10.00,5", "boots,20.00,4"]);
    expect(parseQuestion("top 5 kws by cost", keywords, "2026-12-07")).toMatchObject({
      dimension: "keyword",
      unread: [],
    });
  });
});
