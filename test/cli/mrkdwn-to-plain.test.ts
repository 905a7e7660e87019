import { describe, expect, it } from "vitest";
import { mrkdwnToPlain } from "../../src/cli/mrkdwn-to-plain.js";

describe("mrkdwn as a terminal shows it", () => {
  it.each([
    ["*Where to act* on campaigns", "Where to act on campaigns"],
    [
      "_Period: 2025-09-01 · Filters: channel = meta_ads_",
      "Period: 2025-09-01 · Filters: channel = meta_ads",
    ],
    ["*a* and *b*, ~gone~", "a and b, gone"],
    ["Brand_Search_US and 2*3*4 stay as written", "Brand_Search_US and 2*3*4 stay as written"],
    ["`roas &lt; 2` &amp; more &gt; less", "roas < 2 & more > less"],
    ["&amp;lt; is written as it was sent", "&lt; is written as it was sent"],
    [
      "<https://example.com|the docs> or <https://example.com>",
      "the docs (https://example.com) or https://example.com",
    ],
    ["• Brand: 9.91x\n1. Cap it", "• Brand: 9.91x\n1. Cap it"],
  ])("%j", (mrkdwn, plain) => {
    expect(mrkdwnToPlain(mrkdwn)).toBe(plain);
  });
});
