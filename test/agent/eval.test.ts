import { describe, expect, it } from "vitest";
import { EVAL_CASES } from "../../eval/cases/index.js";
import { fixtureAvailable } from "../../eval/fixtures/index.js";
import { scoreCase } from "../../eval/score.js";

describe("the evaluation set", () => {
  it("has at least 60 questions over several fixtures", () => {
    expect(EVAL_CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(EVAL_CASES.map((evalCase) => evalCase.fixture)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(EVAL_CASES.map((evalCase) => evalCase.id)).size).toBe(EVAL_CASES.length);
  });

  it("asks several questions in each style the issue names, so each category's grade means something", () => {
    const styles = [
      "typos",
      "casual-phrasing",
      "synonyms",
      "ranges",
      "cross-tabs",
      "thresholds",
      "direction",
    ];
    for (const style of [...styles, "out-of-scope", "missing-data"]) {
      const asked = EVAL_CASES.filter((evalCase) => evalCase.category === style).length;
      expect(asked, style).toBeGreaterThanOrEqual(4);
    }
  });

  it("is answered 100% by the offline analyst", async () => {
    const failures: string[] = [];
    const cases = EVAL_CASES.filter((evalCase) => fixtureAvailable(evalCase.fixture));
    if (cases.length < EVAL_CASES.length) {
      console.warn(
        `skipped ${EVAL_CASES.length - cases.length} questions: ../shared/real-exports is not here`,
      );
    }
    for (const evalCase of cases) {
      const result = await scoreCase(evalCase);
      if (!result.passed) failures.push(`${result.id}: ${result.problems.join("; ")}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
