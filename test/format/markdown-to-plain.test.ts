import { describe, expect, it } from "vitest";
import { markdownToPlain } from "../../src/format/markdown-to-plain.js";

describe("the analyst's Markdown as a terminal shows it", () => {
  it.each([
    ["**Where to act** on campaigns", "Where to act on campaigns"],
    [
      "_Period: 2025-09-01 · Filters: channel = meta_ads_",
      "Period: 2025-09-01 · Filters: channel = meta_ads",
    ],
    ["**a** and _b_, ~~gone~~ *c*", "a and b, gone c"],
    ["Brand_Search_US and snake_case stay as written", "Brand_Search_US and snake_case stay as written"],
    ["`roas < 2` &amp; more &gt; less \\*not bold\\*", "roas < 2 & more > less *not bold*"],
    ["&amp;lt; is written as it was sent", "&lt; is written as it was sent"],
    [
      "[the docs](https://example.com) or <https://example.com>",
      "the docs (https://example.com) or https://example.com",
    ],
    [
      "- Brand: 9.91x\n- Search: 2.10x\n**Next actions**\n1. Cap it\n2. Scale it",
      "• Brand: 9.91x\n• Search: 2.10x\nNext actions\n1. Cap it\n2. Scale it",
    ],
    [
      "**Spend by campaign**\n- A: $1\n_Period: all rows_\nRead as: spend by campaign",
      "Spend by campaign\n• A: $1\nPeriod: all rows\nRead as: spend by campaign",
    ],
    ["First paragraph.\n\nSecond one.", "First paragraph.\n\nSecond one."],
  ])("%j", (markdown, plain) => {
    expect(markdownToPlain(markdown)).toBe(plain);
  });
});
