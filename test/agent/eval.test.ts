import { describe, expect, it } from "vitest";
import { EVAL_CASES } from "../../eval/cases/index.js";
import { scoreCase } from "../../eval/score.js";

describe("the evaluation set", () => {
  it("has at least 60 questions over several fixtures", () => {
    expect(EVAL_CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(EVAL_CASES.map((evalCase) => evalCase.fixture)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(EVAL_CASES.map((evalCase) => evalCase.id)).size).toBe(EVAL_CASES.length);
  });

  it("is answered 100% by the offline analyst", async () => {
    const failures: string[] = [];
    for (const evalCase of EVAL_CASES) {
      const result = await scoreCase(evalCase);
      if (!result.passed) failures.push(`${result.id}: ${result.problems.join("; ")}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
