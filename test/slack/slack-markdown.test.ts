import { describe, expect, it } from "vitest";
import {
  escapeMarkdown,
  markdown,
  SafeMarkdown,
  untrustedMarkdown,
} from "../../src/format/slack-markdown.js";
import { markdownBlock } from "../../src/slack/views/block-kit.js";

describe("data in a markdown block", () => {
  it("shows a value as its characters: no token, link, autolink, emphasis or line of its own", () => {
    expect(escapeMarkdown("<!channel> [Reconnect](https://evil.example/login) **x**")).toBe(
      "&lt;!channel&gt; \\[Reconnect\\](https\\://evil.example/login) \\*\\*x\\*\\*",
    );
    expect(escapeMarkdown("<https://evil.example> www.evil.example Tom &amp; Jerry")).toBe(
      "&lt;https\\://evil.example&gt; www\\.evil.example Tom &amp;amp; Jerry",
    );
    expect(escapeMarkdown("# Brand\n- list\n> quote")).toBe("\\# Brand - list &gt; quote");
    expect(escapeMarkdown("- Brand")).toBe("\\- Brand");
    expect(escapeMarkdown("1. Brand")).toBe("1\\. Brand");
    expect(escapeMarkdown("`tick` ~x~ a_b | c \\")).toBe("\\`tick\\` \\~x\\~ a\\_b \\| c \\\\");
    expect(escapeMarkdown("\u202Egnp.exe\u202C")).toBe("gnp.exe");
  });

  it("interpolates values escaped into the app's own Markdown, and passes SafeMarkdown as it is", () => {
    const name = "<@U1> [x](https://evil.example)";
    expect(markdown`**${name}** leads at ${3.2}x`.text).toBe(
      "**&lt;@U1&gt; \\[x\\](https\\://evil.example)** leads at 3.2x",
    );
    expect(markdown`${markdown`_${"a<b"}_`} and ${new SafeMarkdown("**c**")}`.text).toBe(
      "_a&lt;b_ and **c**",
    );
  });
});

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
    const text = untrustedMarkdown(`${INJECTED}\n\\\\[a](b) \\<!here> &lt;!here&gt; \u202Ex`).text;
    expect(text).not.toMatch(/[<\u202A-\u202E\u2066-\u2069]/);
    expect(text).not.toMatch(/(?<!\\)(?:\\\\)*[[\]]/);
    expect(text).not.toMatch(/(?<!\\)(?:\\\\)*:\/\//);
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
