import { describe, expect, it } from "vitest";
import { profileColumn } from "../../src/ingest/column-profile.js";

describe("profileColumn", () => {
  it("counts every sampled cell, repeats included, though each distinct value is read once", () => {
    const values = [
      "1",
      " 1 ",
      "",
      "2.5",
      "007",
      "1e5",
      "< 10%",
      "2024-01-01",
      "2024-01-01",
      "x",
      "-",
      "16777217",
      "2.5",
    ];
    expect(profileColumn("Clicks", values)).toEqual({
      filled: 11,
      numbers: 7,
      buckets: 1,
      dates: 2,
      scientific: 1,
      // 16777217 is the first integer a 32-bit float cannot hold.
      singlePrecision: 6,
      leadingZeros: 1,
      distinct: 8,
      examples: ["1", "2.5", "007"],
    });
  });

  it("reads compact dates only under a date header, for repeated values too", () => {
    const values = ["20240101", "20240101", "", "3"];
    expect(profileColumn("Day", values)).toMatchObject({ filled: 3, numbers: 3, dates: 2, distinct: 2 });
    expect(profileColumn("Clicks", values)).toMatchObject({ filled: 3, numbers: 3, dates: 0, distinct: 2 });
  });
});
