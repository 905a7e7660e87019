import { describe, expect, it } from "vitest";
import { codeSpan, literalSlackText, mrkdwn } from "../../src/format/slack-text.js";

/**
 * What Slack draws as formatting in mrkdwn (as the sandbox emulator models it): a mark opens at a word's edge
 * before a non-space and closes after one; code is any backtick pair; an emoji is `:name:`; a quote is a `>`
 * opening a line; a bare address becomes a link.
 */
const FORMATTING = [
  /(?<![\p{L}\p{N}*])\*(?=[^\s*])[^*\n]+?(?<=\S)\*(?![\p{L}\p{N}*])/u,
  /(?<![\p{L}\p{N}_])_(?=[^\s_])[^_\n]+?(?<=\S)_(?![\p{L}\p{N}_])/u,
  /(?<![\p{L}\p{N}~])~(?=[^\s~])[^~\n]+?(?<=\S)~(?![\p{L}\p{N}~])/u,
  /`[^`\n]+`/,
  /:[a-z0-9_+'-]+:/,
  /^(?:&gt;|>)/m,
  /https?:\/\/|\bwww\./,
];

const NAMES = [
  "*Brand*_Search_",
  "~x~",
  "`tick` ```fence```",
  ":fire: Sale",
  "> Quoted\n> again",
  "*a* _b_ ~c~ `d`",
  "https://evil.example/login www.evil.example",
];

describe("a data value in mrkdwn", () => {
  it("makes no formatting, emoji, quote or link, however it is placed in the app's text", () => {
    for (const name of NAMES) {
      const shown = literalSlackText(name);
      for (const pattern of FORMATTING) {
        expect(shown, `${name} → ${shown}`).not.toMatch(pattern);
        expect(mrkdwn`• ${name} at ${"$1"}`, name).not.toMatch(pattern);
      }
    }
  });

  it("reads as written: look-alikes for the marks, and letters, digits and in-word marks untouched", () => {
    expect(literalSlackText("*Brand*_Search_")).toBe("∗Brand∗ˍSearchˍ");
    expect(literalSlackText("~x~ `y`")).toBe("∼x∼ ˋyˋ");
    expect(literalSlackText("meta_ads_april.csv 2*3*4 Tom & Jerry")).toBe(
      "meta_ads_april.csv 2*3*4 Tom &amp; Jerry",
    );
    // Invisible joiners break an emoji code and an address; nothing visible is added.
    expect(literalSlackText(":fire: https://x.example").replace(/\u2060/g, "")).toBe(
      ":fire: https://x.example",
    );
    expect(literalSlackText("09:30:00")).toBe("09:30:00");
  });

  it("keeps the app's own formatting around it", () => {
    expect(mrkdwn`*Best:* ${"_Sale_"} at ${"R$ 60,00"}`).toBe("*Best:* ˍSaleˍ at R$ 60,00");
  });

  it("shows a value as code with only a backtick changed, so a rule can be copied as stored", () => {
    expect(codeSpan('roas < 2 for campaign "*Brand*_`x`"').text).toBe(
      '`roas &lt; 2 for campaign "*Brand*_ˋxˋ"`',
    );
  });
});
