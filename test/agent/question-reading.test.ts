import { describe, expect, it } from "vitest";
import { loadFixture } from "../../eval/fixtures/index.js";
import { parseQuestion } from "../../src/agent/offline/question-parser.js";

const segments = () => loadFixture("segments").dataset;
const read = (question: string) => parseQuestion(question, segments(), "2026-12-07");
const ranges = (question: string) =>
  read(question).periods.map((slot) =>
    slot.kind === "range" ? `${slot.range.from}..${slot.range.to}` : slot.period,
  );

describe("reading a question", () => {
  it.each([
    ["ROAS sept 1-14?", ["2025-09-01..2025-09-14"]],
    ["spend from 3 to 17 september", ["2025-09-03..2025-09-17"]],
    ["spend jul 28 - aug 3", ["2025-07-28..2025-08-03"]],
    ["ROAS setembro", ["2025-09-01..2025-09-30"]],
    ["ROAS in août", ["2025-08-01..2025-08-31"]],
    ["why did ROAS drop the week of sept 17?", ["2025-09-15..2025-09-21"]],
    ["first half of september vs second half", ["2025-09-01..2025-09-15", "2025-09-16..2025-09-30"]],
    ["spend in Q3", ["2025-07-01..2025-09-30"]],
    ["spend in Q4", ["2025-10-01..2025-12-31"]],
    ["spend in H2", ["2025-07-01..2025-12-31"]],
    ["retargeting ad sets second week of september", ["2025-09-08..2025-09-14"]],
    ["ROAS the last week of august", ["2025-08-25..2025-08-31"]],
    ["spend between march 1 and march 15 2025", ["2025-03-01..2025-03-15"]],
    ["how much did we spend in 2025?", ["2025-01-01..2025-12-31"]],
  ])("reads the period of %s", (question, expected) => {
    expect(ranges(question)).toEqual(expected);
  });

  it("reads a word of names as the values that contain it, and several words as all of them", () => {
    expect(read("retargeting ad sets second week of september")).toMatchObject({
      intent: "breakdown",
      dimension: "ad_group",
      unread: [],
      filters: [
        {
          dimension: "campaign",
          values: ["Brand Retargeting"],
          described: "campaign containing “retargeting”",
        },
      ],
    });
    expect(read("spend on prospecting fitness").filters).toEqual([
      { dimension: "campaign", values: ["Prospecting Q3"], described: "campaign containing “prospecting”" },
      { dimension: "ad_group", values: ["Interests Fitness"], described: "ad group containing “fitness”" },
    ]);
    expect(read("spend on podcasts").unread).toEqual(["podcasts"]);
    // A number is never a part of names on its own: "Prospecting Q3" does not make "3" a campaign.
    expect(read("spend on 2 campaigns").filters).toEqual([]);
  });

  it("reads 'did spend go up' as a comparison, not a level", () => {
    expect(read("did spend go up last week?")).toMatchObject({ intent: "compare", metrics: ["spend"] });
  });

  it("reads the platform's names for everyday words, and says which column is missing", () => {
    expect(read("CTR on mobile?").filters).toEqual([
      { dimension: "device", values: ["Mobile phones"], described: "device = mobile" },
    ]);
    expect(read("spend on women").filters[0]?.values).toEqual(["female"]);
    const leads = parseQuestion("CTR on mobile?", loadFixture("metaLeads").dataset, "2026-12-07");
    expect(leads.missing).toEqual([{ word: "mobile", column: "device" }]);
  });

  it("filters on parts of names, included or excluded", () => {
    expect(read("spend for campaigns with 'brand' in the name").filters[0]?.values).toEqual([
      "Brand Awareness",
      "Brand Retargeting",
    ]);
    expect(read("ROAS excluding brand").filters[0]?.values).toEqual(["Prospecting Q3", "Summer Sale"]);
  });

  it("reads typos as the nearest word and says so, and keeps ad set apart from ad", () => {
    const parsed = read("whcih campain has the best roas?");
    expect([parsed.intent, parsed.dimension, parsed.metrics]).toEqual(["rank", "campaign", ["roas"]]);
    expect(parsed.notes).toContain("read whcih → which, campain → campaign");
    expect(read("which ad set has the cheapest CPM?").dimension).toBe("ad_group");
  });

  it("takes floors, limits, counts and two dimensions from the question", () => {
    expect(read("lowest ROAS campaigns that spent at least $5k").minSpend).toBe(5000);
    expect(read("campaigns with CTR under 1%").thresholds).toEqual([{ metric: "ctr", below: 0.01 }]);
    expect(read("top 3 by revenue")).toMatchObject({ intent: "rank", n: 3, metrics: ["revenue"] });
    expect(read("CPA by campaign and device").dimensions).toEqual(["campaign", "device"]);
  });

  it("reports words it cannot place instead of dropping them", () => {
    expect(read("how much did we spend on podcasts?").unread).toEqual(["podcasts"]);
    expect(read("forecast next month's spend").outOfReach).toMatch(/forecast/);
    expect(read("how do weekends do?").outOfReach).toMatch(/weekend/);
    expect(read("which day of the week performs best?")).toMatchObject({
      outOfReach: null,
      intent: "rank",
      dimension: "weekday",
    });
  });
});
