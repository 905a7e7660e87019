import { describe, expect, it } from "vitest";
import { parseRule } from "../../src/alerts/parse-rule.js";
import { parseTarget, type TargetRecord, withTargetThreshold } from "../../src/targets/index.js";

const stored = (id: number, text: string): TargetRecord => ({
  ...parseTarget(text),
  id,
  channel: "C1",
  createdBy: null,
  createdAt: "2025-09-01T00:00:00.000Z",
});
const targets = [stored(1, "cpa 40"), stored(2, "cpa 25 for campaign Brand"), stored(3, "ctr 1.5%")];

describe("alert rules against a target", () => {
  it("writes the channel's target in as the threshold, the campaign's own when the rule names one", () => {
    const plain = withTargetThreshold("cpa > target", targets);
    expect(plain).toMatchObject({ kind: "resolved", rule: "cpa > 40" });
    const scoped = withTargetThreshold("cpa > target for campaign brand by campaign", targets);
    expect(scoped).toMatchObject({ kind: "resolved", rule: "cpa > 25 for campaign brand by campaign" });
    // The target it used is said in the currency the rule's alerts will be written in.
    expect(withTargetThreshold("cpa > target", targets, "EUR")).toMatchObject({
      note: "the channel's CPA target, €40.00, as set now",
    });
    const rate = withTargetThreshold("ctr < target window 7d", targets);
    expect(rate.kind === "resolved" && parseRule(rate.rule)).toMatchObject({
      threshold: 0.015,
      windowDays: 7,
    });
  });

  it("says which target is missing instead of adding a rule without one", () => {
    expect(withTargetThreshold("roas < target", targets)).toMatchObject({
      kind: "missing",
      message: expect.stringMatching(/no ROAS target: set one first with `\/target set roas <value>`/),
    });
    expect(withTargetThreshold("cpa > target for campaign Generic", targets)).toMatchObject({
      kind: "missing",
    });
    expect(withTargetThreshold("spend > target", targets)).toMatchObject({ kind: "missing" });
    expect(withTargetThreshold("roas < 2", targets)).toEqual({ kind: "none" });
  });
});
