import { describe, expect, it } from "vitest";
import {
  literalMarkdown,
  literalNames,
  SafeMarkdown,
  untrustedMarkdown,
} from "../../src/format/slack-markdown.js";
import { markdownBlock } from "../../src/slack/views/block-kit.js";
import { expectInertMarkdown, HOSTILE_NAMES } from "../e2e/markup-corpus.js";

describe("the analyst's Markdown", () => {
  const INJECTED = [
    "## Headline",
    "**Best:** <!channel> Spring leads. <https://evil.example/login|Reconnect> and <@U1> in <#C1>.",
    "- [Reconnect now](https://evil.example/login) ![pixel](https://evil.example/p.png)",
    "> <!everyone> quoted",
    "Visit https://evil.example or www.evil.example; \\[not\\](undone) stays text.",
  ].join("\n");

  it("keeps its formatting and makes every link, autolink and Slack token text", () => {
    expect(untrustedMarkdown(INJECTED).text).toBe(
      [
        "## Headline",
        "**Best:** &lt;!channel&gt; Spring leads. &lt;https\\://evil.example/login|Reconnect&gt; and &lt;@U1&gt; in &lt;#C1&gt;.",
        "- \\[Reconnect now\\](https\\://evil.example/login) !\\[pixel\\](https\\://evil.example/p.png)",
        "> &lt;!everyone&gt; quoted",
        "Visit https\\://evil.example or www\\.evil.example; \\\\\\[not\\\\\\](undone) stays text.",
      ].join("\n"),
    );
  });

  it("keeps quote markers only where they open a line", () => {
    expect(untrustedMarkdown("> a > b\n  >> c\nd >").text).toBe("> a &gt; b\n  >> c\nd &gt;");
  });

  it("has no way around the escape: no unescaped bracket, no raw angle bracket, no live scheme", () => {
    expectInertMarkdown([untrustedMarkdown(`${INJECTED}\n\\\\[a](b) \\<!here> &lt;!here&gt; \u202Ex`).text]);
    for (const live of [
      "[x](y)",
      "\\\\[x](y)",
      "&lt;!here&gt; <!here>",
      "see https://evil.example",
      "www.evil.example",
    ])
      expect(() => expectInertMarkdown([live]), live).toThrow();
  });

  it("leaves every hostile campaign name of the corpus inert, quoted in bold as the offline insights do", () => {
    const names = HOSTILE_NAMES.map((name) => untrustedMarkdown(`- Best ROAS: **${name}** at 2.1x`).text);
    expectInertMarkdown(names);
    expect(names[0]).toBe("- Best ROAS: **&lt;!channel&gt; Spring** at 2.1x");
    expect(names[5]).toBe(
      "- Best ROAS: **&lt;https\\://evil.example/login|Reconnect your Google Ads account&gt;** at 2.1x",
    );
  });

  it("shows a data value's emphasis and code characters as written, and its backslashes too", () => {
    const quoted = (name: string) =>
      untrustedMarkdown(`- Best ROAS: **${literalMarkdown(name)}** at 2.1x`).text;
    expect(quoted("*Brand*_Search_ `x`")).toBe("- Best ROAS: **\\*Brand\\*\\_Search\\_ \\`x\\`** at 2.1x");
    expect(quoted("back\\slash\\")).toBe("- Best ROAS: **back\\\\slash\\\\** at 2.1x");
    expect(quoted("~~gone~~ [x](https://evil.example)")).toBe(
      "- Best ROAS: **\\~\\~gone\\~\\~ \\[x\\](https\\://evil.example)** at 2.1x",
    );
    expectInertMarkdown(HOSTILE_NAMES.map(quoted));
  });

  it("writes the data's names literally where the model quoted them raw, keeping the model's own emphasis", () => {
    const names = ["*Brand*", "*Brand*_Search_", "Plain", "meta_ads"];
    expect(literalNames("**Best:** *Brand*_Search_ beats *Brand* and Plain; meta_ads *rose*.", names)).toBe(
      "**Best:** \\*Brand\\*\\_Search\\_ beats \\*Brand\\* and Plain; meta\\_ads *rose*.",
    );
    // A name the model escaped itself is left alone, so nothing is escaped twice.
    expect(literalNames("\\*Brand\\* led", names)).toBe("\\*Brand\\* led");
  });

  it("goes into one markdown block, within Slack's 12,000 characters", () => {
    expect(markdownBlock(untrustedMarkdown(INJECTED))).toEqual({
      type: "markdown",
      text: untrustedMarkdown(INJECTED).text,
    });
    const long = markdownBlock(new SafeMarkdown("x".repeat(20_000)));
    expect(long.type === "markdown" && long.text.length).toBe(12_000);
  });
});
