import { expect, it } from "vitest";

it("fails on purpose, so the run's exit code can be checked", () => {
  expect(1 + 1).toBe(3);
});
