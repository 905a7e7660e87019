import { describe, expect, it } from "vitest";
import type { ToolCallRecord } from "../../src/agent/tool-runner.js";
import { recurringAnswer } from "../../src/slack/views/schedule-button.js";

const call = (name: string, args: Record<string, unknown>, ok = true): ToolCallRecord => ({
  name,
  args: args as ToolCallRecord["args"],
  ok,
});
const answer = (toolCalls: ToolCallRecord[], unverified: string[] = []) => ({
  toolCalls,
  unverified,
  unanswered: [],
});

describe("which answers offer 'Send this every Monday'", () => {
  it("one whose every call reads a period that moves with the data", () => {
    expect(recurringAnswer(answer([call("get_kpis", { period: "last_week" })]))).toBe(true);
    // A comparison with no dates asked compares the last 7 days with the 7 before: a weekly summary.
    expect(recurringAnswer(answer([call("compare_periods", { metrics: ["spend"] })]))).toBe(true);
    expect(
      recurringAnswer(
        answer([call("top_bottom", { period: "last_30_days" }), call("render_chart", { metric: "spend" })]),
      ),
    ).toBe(true);
  });

  it("none about all the data or fixed dates, a decline, a failed call or unverified figures", () => {
    expect(recurringAnswer(answer([call("get_kpis", {})]))).toBe(false);
    expect(
      recurringAnswer(answer([call("get_kpis", { date_range: { from: "2024-03-01", to: "2024-03-31" } })])),
    ).toBe(false);
    expect(
      recurringAnswer(
        answer([call("compare_periods", { current: { from: "2024-03-01", to: "2024-03-31" } })]),
      ),
    ).toBe(false);
    expect(recurringAnswer(answer([]))).toBe(false);
    expect(recurringAnswer(answer([call("get_kpis", { period: "last_week" }, false)]))).toBe(false);
    expect(recurringAnswer(answer([call("get_kpis", { period: "last_week" })], ["$12.00"]))).toBe(false);
    expect(recurringAnswer(answer([call("get_kpis", { period: "last_week" }), call("get_kpis", {})]))).toBe(
      false,
    );
  });
});
