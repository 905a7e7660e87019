import { describe, expect, it } from "vitest";
import { channelLink, escapeSlackText, Markup, mention, mrkdwn } from "../../src/format/slack-text.js";

describe("data in Slack text", () => {
  it("escapes every interpolated value and keeps the template's own formatting", () => {
    const name = "<!channel> & <https://evil.example|Reconnect>";
    expect(mrkdwn`*${name}* · ${42}`).toBe(
      // A word joiner in the address keeps Slack from linking it by itself.
      "*&lt;!channel&gt; &amp; &lt;https:\u2060//evil.example|Reconnect&gt;* · 42",
    );
  });

  it("passes the app's own mentions, channel links and wrapped markup, and nothing posing as them", () => {
    expect(mrkdwn`${mention("U0123ABC")} in ${channelLink("C0456DEF")}`).toBe("<@U0123ABC> in <#C0456DEF>");
    expect(mrkdwn`${mention("<!here>")} ${channelLink("C1|x>")}`).toBe("&lt;!here&gt; C1|x&gt;");
    expect(mrkdwn`${new Markup(mrkdwn`*${"a<b"}*`)}!`).toBe("*a&lt;b*!");
  });

  it("drops bidirectional overrides and escapes an existing entity again", () => {
    expect(escapeSlackText("\u202Egnp.exe\u202C &amp;")).toBe("gnp.exe &amp;amp;");
  });
});
