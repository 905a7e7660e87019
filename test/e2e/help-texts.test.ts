import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedChannel } from "../sandbox/helpers.js";
import { appHomeText, type Harness, startHarness } from "./app-harness.js";

/**
 * Issue 14, item 11: help texts read as written in Slack. A bare `<` or `>` starts a link in mrkdwn (the
 * `/alert` examples showed "=" as a link), counts read as words, and nested examples stay nested.
 */
let harness: Harness;
let user: string;
let channel: string;

beforeAll(async () => {
  harness = await startHarness();
  const seeded = seedChannel(harness.emulator);
  user = seeded.user.id;
  channel = seeded.channel.id;
});
afterAll(async () => harness?.close());

async function alert(text: string): Promise<string> {
  const result = await harness.emulator.runSlashCommand({ user, channel, command: "/alert", text });
  return (JSON.parse(result.responseBody ?? "{}") as { text: string }).text;
}

/** The text with Slack's own links taken out: what is left must hold no `<` or `>` at all. */
function withoutSlackLinks(text: string): string {
  return text.replace(/<[#@!][A-Z0-9^|a-z_-]+>/g, "");
}

describe("help texts in Slack", () => {
  it.each(["help", "add roas below two", "add", "list", "frobnicate"])(
    "/alert %s escapes every < and >, so no example turns into a link",
    async (text) => {
      const reply = await alert(text);
      expect(withoutSlackLinks(reply)).not.toMatch(/[<>]/);
    },
  );

  it("/alert add roas below two says what it could not read and shows the forms with their operators", async () => {
    const reply = await alert("add roas below two");
    expect(reply).toMatch(/^I could not read that rule/);
    expect(reply).toContain("`roas &lt; 2 window 24h`");
    expect(reply).toContain("`cpa &gt; 60 for channel meta`");
  });

  it("/alert help keeps the examples nested under /alert add", async () => {
    const lines = (await alert("help")).split("\n");
    const add = lines.findIndex((line) => line.startsWith("• `/alert add &lt;rule&gt;`"));
    expect(add).toBeGreaterThan(0);
    const examples = lines.slice(add + 1, add + 6);
    for (const example of examples) expect(example).toMatch(/^ {4}◦ /);
    expect(lines[add + 6]).toMatch(/^• `\/alert list`/);
  });

  it("App Home counts alert rules in words", async () => {
    await alert("add roas < 2 window 24h");
    expect(await appHomeText(harness.emulator, user)).toContain("1 alert rule watching live data");
    await alert("add cpa > 60");
    const home = await appHomeText(harness.emulator, user);
    expect(home).toContain("2 alert rules watching live data");
    expect(home).not.toContain("rule(s)");
  });
});
