import { describe, expect, it } from "vitest";
import { progressBar } from "../../src/cli/progress-bar.js";

function clocked() {
  let time = 0;
  const written: string[] = [];
  const bar = progressBar(
    (text) => written.push(text),
    () => time,
  );
  return { bar, written, advance: (ms: number) => (time += ms) };
}

describe("the progress bar of mpo analyze", () => {
  it("stays silent for a read that ends within a second", () => {
    const { bar, written, advance } = clocked();
    advance(400);
    bar.update(50, 100);
    advance(500);
    bar.update(100, 100);
    bar.finish();
    expect(written).toEqual([]);
  });

  it("draws one line in place after a second, at most ten times a second, and clears it at the end", () => {
    const { bar, written, advance } = clocked();
    advance(1000);
    bar.update(152_500_000, 305_000_000);
    advance(50);
    bar.update(160_000_000, 305_000_000);
    advance(100);
    bar.update(305_000_000, 305_000_000);
    bar.finish();
    expect(written).toEqual([
      `\r[${"#".repeat(15)}${"-".repeat(15)}]  50% read, 153 of 305 MB`,
      `\r[${"#".repeat(30)}] 100% read, 305 of 305 MB`,
      "\r\u001b[2K",
    ]);
  });
});
