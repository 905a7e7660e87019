import { describe, expect, it } from "vitest";
import { describeRule, parseRule, RuleSyntaxError, ruleDefinition } from "../../src/alerts/index.js";

describe("alert rules as typed in Slack", () => {
  it("reads a threshold over a window", () => {
    expect(parseRule("roas < 2 window 24h")).toEqual({
      kind: "threshold",
      metric: "roas",
      comparison: "<",
      threshold: 2,
      windowDays: 1,
    });
    expect(parseRule("ROAS<2x over 7 days").windowDays).toBe(7);
    expect(parseRule("cpa >= $60.50 window 48h")).toMatchObject({
      comparison: ">=",
      threshold: 60.5,
      windowDays: 2,
    });
  });

  it("reads Slack's escaped comparison signs", () => {
    expect(parseRule("roas &lt; 2")).toMatchObject({ comparison: "<", threshold: 2 });
    expect(parseRule("cpa &gt;= 60")).toMatchObject({ comparison: ">=", threshold: 60 });
  });

  it("reads scope, grouping and minimum spend in any order", () => {
    expect(parseRule("cpa > 60 for channel meta")).toMatchObject({
      scope: { dimension: "channel", value: "meta" },
    });
    expect(parseRule("roas < 2 by campaign min spend 100 for campaign Summer Sale window 7d")).toMatchObject({
      by: "campaign",
      minSpend: 100,
      scope: { dimension: "campaign", value: "Summer Sale" },
      windowDays: 7,
    });
    expect(parseRule('cpa > 60 for campaign "Brand by Night"').scope).toEqual({
      dimension: "campaign",
      value: "Brand by Night",
    });
  });

  it("reads rates as percentages", () => {
    expect(parseRule("ctr < 1.5%")).toMatchObject({ metric: "ctr", threshold: 0.015 });
    expect(parseRule("cvr < 0.02")).toMatchObject({ metric: "cvr", threshold: 0.02 });
  });

  it("reads a ratio to the daily average, and an anomaly rule", () => {
    expect(parseRule("spend today > 1.3 x daily average")).toEqual({
      kind: "daily-average",
      metric: "spend",
      comparison: ">",
      factor: 1.3,
      baselineDays: 7,
      windowDays: 1,
    });
    expect(parseRule("cost today > 2x the daily avg by channel")).toMatchObject({
      factor: 2,
      metric: "spend",
      by: "channel",
    });
    expect(parseRule("anomaly cpa min spend 50")).toEqual({
      kind: "anomaly",
      metric: "cpa",
      windowDays: 1,
      minSpend: 50,
    });
  });

  it("writes a rule back in words it reads again the same", () => {
    for (const text of [
      "roas < 2 window 24h",
      "cpa > 60 for channel meta by campaign min spend 100",
      "spend today > 1.3 x daily average for campaign 'Summer Sale'",
      "anomaly cpa window 3d",
      'ctr <= 1.5% for campaign Say "hi"',
    ]) {
      const rule = parseRule(text);
      expect(parseRule(ruleDefinition(rule))).toEqual(rule);
    }
    expect(ruleDefinition(parseRule("roas<2 window 48h by campaign"))).toBe("roas < 2 window 2d by campaign");
  });

  it("describes a rule in plain words", () => {
    expect(describeRule(parseRule("roas < 2 window 24h by campaign min spend 100"))).toBe(
      "ROAS below 2.00x today, per campaign, where spend is at least 100.00",
    );
    expect(describeRule(parseRule("spend today > 1.3x daily average"))).toBe(
      "Spend today above 1.3x its daily average of the previous 7 days",
    );
  });

  it("says what is wrong, in one line, for rules it cannot read", () => {
    const problems: [string, RegExp][] = [
      ["", /the rule is empty/],
      ["happiness < 2", /"happiness" is not a metric: use one of spend, .*roas/],
      ["roas = 2", /expected <, <=, > or >= after roas, found "="/],
      ["roas < two", /"two" is not a number/],
      ["roas <", /a threshold is missing/],
      ["ctr < 2", /ctr is a percentage: write it with %, e.g. ctr < 2%/],
      ["roas < 2 window 12h", /whole days: 24h, 48h, 1d, 7d/],
      ["roas < 2 window forever", /expected a window such as 24h/],
      ["roas < 2 for channel", /needs a value/],
      ["roas < 2 by", /needs a dimension/],
      ["roas < 2 min 100", /min spend <amount>/],
      ["roas < 2 please", /did not understand "please"/],
      ["spend today > 1.3 x weekly average", /spend today > 1.3 x daily average/],
      ["spend today > 1.3x daily average window 7d", /always looks at today/],
    ];
    for (const [text, message] of problems) {
      expect(() => parseRule(text), text).toThrow(RuleSyntaxError);
      expect(() => parseRule(text), text).toThrow(message);
    }
  });
});
