import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { untrustedMarkdown } from "../../src/format/slack-markdown.js";
import { type Browser, emojiLoaded, hasChromium, launchBrowser, SKIP_REASON } from "./browser.js";
import { lowContrastText } from "./contrast-audit.js";
import { type DemoSandbox, startDemoSandbox } from "./demo-sandbox.js";

/**
 * The sandbox page in headless Chromium against the emulator and a small Bolt app: every step is what a
 * visitor does, and every wait is on the page showing the result (never on time passing).
 */
const OUT = fileURLToPath(new URL("../out/", import.meta.url));
const SAMPLE = fileURLToPath(new URL("../../samples/meta-ads-daily-export.csv", import.meta.url));
const TOTALS_SAMPLE = fileURLToPath(new URL("../../samples/google-ads-campaign-totals.csv", import.meta.url));

if (!hasChromium) console.warn(`skipping the sandbox page tests: ${SKIP_REASON}`);

describe.skipIf(!hasChromium)("the sandbox page in a browser", () => {
  let sandbox: DemoSandbox;
  let browser: Browser;
  let page: Page;
  const offOrigin: string[] = [];
  const pageErrors: string[] = [];

  const shot = async (name: string) => {
    // Away from messages, so no hover toolbar shows in the picture.
    await page.mouse.move(1, 1);
    await emojiLoaded(page);
    await page.screenshot({ path: `${OUT}sandbox-${name}.png` });
  };
  const composer = () => page.locator("#composer-input");
  const threadPane = () => page.getByRole("complementary", { name: /^Thread/ });

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    sandbox = await startDemoSandbox();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    // Fail with Playwright's explanation of what it was waiting for, before the test itself times out.
    page.setDefaultTimeout(15_000);
    const origin = new URL(sandbox.url).origin;
    page.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith("data:")) offOrigin.push(url);
    });
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(sandbox.url);
    await page.getByRole("heading", { name: "marketing", level: 1 }).waitFor();
  }, 60_000);

  afterEach(async (context) => {
    if (context.task.result?.state === "fail")
      await shot(`failed-${context.task.name.slice(0, 40).replace(/\W+/g, "-")}`);
  });

  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  it("opens on #marketing with its channels, the app, and sample exports to try", async () => {
    const nav = page.getByRole("navigation", { name: "Workspace" });
    await nav.getByRole("link", { name: "marketing", exact: true }).waitFor();
    await nav.getByRole("link", { name: "marketing-alerts" }).waitFor();
    await nav.getByRole("link", { name: "analyst" }).waitFor();
    expect(await page.getByRole("button", { name: /^Upload .+ to #marketing$/ }).count()).toBe(4);
    expect(await composer().getAttribute("aria-label")).toBe("Message #marketing");
    await shot("empty-channel");
  });

  it("uploads a sample from the + menu and shows the app's summary and chart in the thread", async () => {
    await page.getByRole("button", { name: "Attach a file" }).click();
    await page.getByRole("menuitem", { name: /Google Ads campaign report, by day/ }).click();
    await page.locator(".composer-attachment").getByText("google-ads-campaign-report.csv").waitFor();
    await composer().press("Enter");
    const upload = page.locator(".message-list .msg", { hasText: "google-ads-campaign-report.csv" }).first();
    await upload.locator(".file-card").waitFor();
    await upload.getByRole("button", { name: /2 replies/ }).click();
    const thread = threadPane();
    await thread.getByRole("heading", { name: /google-ads-campaign-report\.csv/ }).waitFor();
    await thread.getByText("Spend", { exact: true }).waitFor();
    const chart = thread.getByRole("img", { name: "Bar chart of ROAS by campaign" });
    await chart.waitFor();
    await page.waitForFunction(
      () =>
        ((document.querySelector(".thread-pane .file-image img") as HTMLImageElement | null)?.naturalWidth ??
          0) > 0,
    );
    await shot("upload-thread");
  }, 60_000);

  it("answers a follow-up question asked in the thread", async () => {
    const reply = threadPane().getByRole("textbox", { name: "Reply…" });
    await reply.fill("which campaign should get more budget?");
    await reply.press("Enter");
    await threadPane().getByText("returns the most per dollar").waitFor();
    await threadPane().locator(".md-list li").first().waitFor();
    await shot("follow-up");
  });

  it("sends a button click to the app and shows its answer", async () => {
    await threadPane().getByRole("button", { name: "Break down by campaign" }).click();
    await threadPane().getByText("Spend by campaign").waitFor();
    expect(await threadPane().locator("ol.md-list li").count()).toBeGreaterThan(2);
  });

  it("mentions the app from the @ suggestions; Shift+Enter makes a new line, Enter sends", async () => {
    await page.getByRole("button", { name: "Close thread" }).click();
    await threadPane().waitFor({ state: "detached" });
    await composer().click();
    await composer().pressSequentially("@ana");
    await page.getByRole("option", { name: /analyst/ }).waitFor();
    await composer().press("Enter");
    expect(await composer().inputValue()).toBe("@analyst ");
    await composer().pressSequentially("hello");
    await composer().press("Shift+Enter");
    await composer().pressSequentially("what can you do?");
    expect(await composer().inputValue()).toBe("@analyst hello\nwhat can you do?");
    await composer().press("Enter");
    const asked = page.locator(".message-list .msg", { hasText: "what can you do?" });
    await asked.locator(".mention", { hasText: "@analyst" }).waitFor();
    await asked.getByRole("button", { name: /1 reply/ }).waitFor();
    expect(await composer().inputValue()).toBe("");
  });

  it("suggests /report and /alert after a slash, and shows the ephemeral and in-channel answers", async () => {
    await composer().fill("");
    await composer().pressSequentially("/");
    const options = page.getByRole("listbox", { name: "Suggestions" }).getByRole("option");
    await options.first().waitFor();
    expect(await options.allInnerTexts()).toEqual([
      expect.stringContaining("/report"),
      expect.stringContaining("/alert"),
    ]);
    await shot("slash-commands");
    await composer().press("Enter");
    expect(await composer().inputValue()).toBe("/report ");
    await page.locator(".composer-usage", { hasText: "[dataset|period]" }).waitFor();
    await composer().pressSequentially("last 30 days");
    await composer().press("Enter");
    const ephemeral = page.locator(".msg--ephemeral", { hasText: "Building the report for last 30 days" });
    await ephemeral.getByText("Only visible to you").waitFor();
    await page.getByRole("heading", { name: "Report: google-ads-campaign-report.csv" }).waitFor();
    await shot("report");
    await ephemeral.getByRole("button", { name: "Dismiss" }).click();
    await ephemeral.waitFor({ state: "detached" });
  });

  it("attaches a dropped CSV and uploads it with the message", async () => {
    const csv = readFileSync(SAMPLE, "utf8");
    const transfer = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], "meta-ads-daily-export.csv", { type: "text/csv" }));
      return data;
    }, csv);
    const pane = page.locator("main .conversation");
    await pane.dispatchEvent("dragenter", { dataTransfer: transfer });
    await page.locator(".drop-overlay:not([hidden])").waitFor();
    await pane.dispatchEvent("drop", { dataTransfer: transfer });
    await page.locator(".composer-attachment").getByText("meta-ads-daily-export.csv").waitFor();
    await composer().fill("September Meta export");
    await composer().press("Enter");
    const upload = page.locator(".message-list .msg", { hasText: "September Meta export" });
    await upload.getByRole("button", { name: /2 replies/ }).waitFor();
  });

  it("uploads a file chosen from this computer", async () => {
    await page.getByRole("button", { name: "Attach a file" }).click();
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.getByRole("menuitem", { name: "Upload from your computer…" }).click(),
    ]);
    await chooser.setFiles(TOTALS_SAMPLE);
    await page.locator(".composer-attachment").getByText("google-ads-campaign-totals.csv").waitFor();
    await composer().press("Enter");
    const upload = page.locator(".message-list .msg", { hasText: "google-ads-campaign-totals.csv" });
    await upload.getByRole("button", { name: /2 replies/ }).waitFor();
  });

  it("shows a message another person posts without reloading", async () => {
    const teammate = sandbox.emulator.transcript().users.find((user) => user.name === "priya");
    sandbox.emulator.postMessage({
      user: teammate?.id ?? "",
      channel: sandbox.workspace.marketing.id,
      text: "Nice, the Meta numbers are in.",
    });
    const message = page.locator(".message-list .msg", { hasText: "numbers are in" });
    await message.getByText("Priya Shah").waitFor();
  });

  it("sends typed formatting as Slack's client does: styles, mentions and lists in a rich_text block", async () => {
    await composer().fill("Can we check *CPA* by `ad set`, @priya?\n- Meta first\n- then _Google_");
    await composer().press("Enter");
    const message = page.locator(".message-list .msg", { hasText: "Can we check" });
    await message.locator("strong", { hasText: "CPA" }).waitFor();
    await message.locator("code", { hasText: "ad set" }).waitFor();
    await message.locator(".mention", { hasText: "@Priya Shah" }).waitFor();
    await message.locator("li em", { hasText: "Google" }).waitFor();
    const sent = sandbox.emulator.messages({ channel: sandbox.workspace.marketing.id }).at(-1);
    expect(sent?.text).toMatch(/^Can we check \*CPA\* by `ad set`, <@U[A-Z0-9]+>\?\n- Meta first/);
    expect(JSON.stringify(sent?.blocks)).toContain('"style":{"bold":true}');
    await shot("channel");
  });

  it("shows the app's status while it works in a thread, and clears it when the app answers", async () => {
    const { emulator, workspace } = sandbox;
    const question = emulator.postMessage({
      user: workspace.user.id,
      channel: workspace.marketing.id,
      text: "Which ad set has the best CPA?",
    });
    const message = page.locator(".message-list .msg", { hasText: "Which ad set has the best CPA?" });
    await message.waitFor();
    emulator.callApi("assistant.threads.setStatus", {
      channel_id: workspace.marketing.id,
      thread_ts: question.ts,
      status: "is thinking…",
    });
    await message.getByText("analyst is thinking…").click();
    await threadPane().getByRole("status").getByText("analyst is thinking…").waitFor();
    await shot("status");
    emulator.callApi("chat.postMessage", {
      channel: workspace.marketing.id,
      thread_ts: question.ts,
      text: "*Added to cart 7d* has the lowest CPA.",
    });
    await threadPane().locator("strong", { hasText: "Added to cart 7d" }).waitFor();
    await threadPane().getByRole("status").waitFor({ state: "hidden" });
  });

  it("writes a streamed answer as it arrives", async () => {
    const { emulator, workspace } = sandbox;
    const threadTs = (await threadPane().locator(".thread-parent .msg").getAttribute("data-ts")) ?? "";
    const started = emulator.callApi("chat.startStream", {
      channel: workspace.marketing.id,
      thread_ts: threadTs,
      recipient_user_id: workspace.user.id,
      recipient_team_id: emulator.teamId,
      markdown_text: "Looking at **CPA** by ad set",
    });
    const ts = String((started.body as { ts?: string }).ts);
    const streamed = threadPane().locator(`.msg[data-ts="${ts}"]`);
    await streamed.locator(".stream-caret").waitFor();
    emulator.callApi("chat.appendStream", {
      channel: workspace.marketing.id,
      ts,
      markdown_text: ":\n- LAL 1% purchasers: $41",
    });
    await streamed.locator("li", { hasText: "LAL 1% purchasers" }).waitFor();
    emulator.callApi("chat.stopStream", {
      channel: workspace.marketing.id,
      ts,
      blocks: [
        { type: "context", elements: [{ type: "mrkdwn", text: "Checked against the metrics engine" }] },
      ],
    });
    await streamed.locator(".stream-caret").waitFor({ state: "detached" });
    // The stop's blocks go under the streamed text, as in Slack; the text stays, and nothing reads "(edited)".
    await streamed.getByText("Checked against the metrics engine").waitFor();
    expect(await streamed.locator("strong", { hasText: "CPA" }).count()).toBe(1);
    expect(await streamed.locator("li", { hasText: "LAL 1% purchasers" }).count()).toBe(1);
    expect(await streamed.locator(".msg-edited").count()).toBe(0);
    await page.getByRole("button", { name: "Close thread" }).click();
  });

  it("renders every Block Kit block the app may post, and a button's confirm dialog", async () => {
    const { emulator, workspace } = sandbox;
    const chart = emulator.transcript().files.find((file) => file.mimetype === "image/png");
    const posted = emulator.callApi("chat.postMessage", {
      channel: workspace.marketing.id,
      text: "Weekly digest",
      blocks: [
        {
          type: "header",
          text: { type: "plain_text", text: "Weekly digest :chart_with_upwards_trend:", emoji: true },
        },
        {
          type: "section",
          text: {
            type: "mrkdwn",
            text: "*Bold*, _italic_, ~struck~, `code` and <https://support.google.com/google-ads|a link>.\nA second line, then a list:\n• Shift $500 to *Brand - Search*\n• Pause _Competitor - Search_",
          },
          accessory: {
            type: "button",
            action_id: "digest_details",
            text: { type: "plain_text", text: "Details" },
          },
        },
        {
          type: "section",
          fields: [
            { type: "mrkdwn", text: "*Spend*\n$4,210" },
            { type: "mrkdwn", text: "*ROAS*\n3.1x (+12%)" },
            { type: "mrkdwn", text: "*CPA*\n$38.20" },
            { type: "mrkdwn", text: "*Conversions*\n110" },
          ],
        },
        { type: "divider" },
        {
          type: "markdown",
          text: untrustedMarkdown(
            "### What stands out\n- Best ROAS: **Brand - Search** at 4.1x, *steady*\n- [Reconnect](https://evil.example/login) <!channel> www.evil.example",
          ).text,
        },
        {
          type: "image",
          slack_file: { id: chart?.id },
          alt_text: "ROAS by campaign, last week",
          title: { type: "plain_text", text: "ROAS by campaign" },
        },
        {
          type: "context",
          elements: [
            {
              type: "mrkdwn",
              text: "Source: *google-ads-campaign-report.csv* · <!date^1759309200^{date_short}|Oct 1>",
            },
          ],
        },
        {
          type: "actions",
          elements: [
            {
              type: "button",
              action_id: "digest_apply",
              style: "primary",
              text: { type: "plain_text", text: "Apply the shift" },
            },
            {
              type: "button",
              action_id: "digest_pause",
              style: "danger",
              text: { type: "plain_text", text: "Pause campaign" },
              confirm: {
                title: { type: "plain_text", text: "Pause Competitor - Search?" },
                text: { type: "mrkdwn", text: "It spent *$2,786* last month at ROAS 0.36x." },
                confirm: { type: "plain_text", text: "Pause it" },
                deny: { type: "plain_text", text: "Keep running" },
                style: "danger",
              },
            },
            {
              type: "static_select",
              action_id: "digest_period",
              placeholder: { type: "plain_text", text: "Period" },
              options: [
                { text: { type: "plain_text", text: "Last 7 days" }, value: "7d" },
                { text: { type: "plain_text", text: "Last 30 days" }, value: "30d" },
              ],
            },
          ],
        },
      ],
      attachments: [
        { color: "danger", title: "Anomaly", text: "Conversions fell *65%* on Sep 18–21 (Performance Max)." },
      ],
    });
    const ts = String((posted.body as { ts?: string }).ts);
    const message = page.locator(`.message-list .msg[data-ts="${ts}"]`);
    await message.getByRole("heading", { name: "Weekly digest 📈" }).waitFor();
    await message.locator("em", { hasText: "italic" }).waitFor();
    await message.locator("s", { hasText: "struck" }).waitFor();
    await message.getByRole("link", { name: "a link" }).waitFor();
    expect(await message.locator(".bk-fields .bk-field").count()).toBe(4);
    await message.locator(".md-list li", { hasText: "Shift $500" }).waitFor();
    await message.locator(".markdown strong", { hasText: "Brand - Search" }).waitFor();
    await message.locator(".markdown em", { hasText: "steady" }).waitFor();
    await message
      .locator(".markdown li", {
        hasText: "[Reconnect](https://evil.example/login) <!channel> www.evil.example",
      })
      .waitFor();
    expect(await message.locator('.markdown a[href*="evil"]').count()).toBe(0);
    await message.getByRole("img", { name: "ROAS by campaign, last week" }).waitFor();
    await message.locator(".bk-context", { hasText: "Oct 1, 2025" }).waitFor();
    await message.locator(".attachment", { hasText: "Conversions fell 65%" }).waitFor();
    await message.scrollIntoViewIfNeeded();
    await shot("block-kit");
    await message.getByRole("button", { name: "Pause campaign" }).click();
    const confirm = page.getByRole("dialog", { name: "Pause Competitor - Search?" });
    await confirm.getByRole("button", { name: "Keep running" }).click();
    await confirm.waitFor({ state: "detached" });
    await message.getByRole("combobox", { name: "Period" }).selectOption("30d");
    await emulator.waitFor(() => sandbox.actions.find((action) => action.actionId === "digest_period"));
    expect(sandbox.actions.filter((action) => action.actionId.startsWith("digest_"))).toEqual([
      { actionId: "digest_period", value: "30d" },
    ]);
  });

  it("opens the App Home tab, rendered from the published view, and its buttons work", async () => {
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "analyst" }).click();
    await page.getByRole("tab", { name: "Home", selected: true }).waitFor();
    await page.getByRole("heading", { name: "Your marketing analyst" }).waitFor();
    await page.getByText("google-ads-campaign-report.csv — 150 rows").waitFor();
    await page.getByRole("button", { name: "Refresh" }).click();
    await page.locator(".bk-field", { hasText: "Refreshed1 time" }).waitFor();
    await shot("app-home");
    await page.getByRole("tab", { name: "Messages" }).click();
    await page.getByRole("textbox", { name: "Message analyst" }).waitFor();
  });

  it("simulates live data through the signed webhook and the alert appears in the alerts channel", async () => {
    await page
      .getByRole("navigation", { name: "Workspace" })
      .getByRole("link", { name: "marketing", exact: true })
      .click();
    await page.getByRole("button", { name: "Simulate live data" }).click();
    const dialog = page.getByRole("dialog", { name: "Simulate live data" });
    await dialog.getByRole("button", { name: "Add this rule" }).click();
    await dialog.getByText("Ran /alert add roas < 2 window 24h by campaign").waitFor();
    await dialog.getByRole("button", { name: "Send live rows" }).click();
    await dialog.getByText(/Sent 4 rows .*: 4 accepted/).waitFor();
    await shot("live-data-dialog");
    await page.getByRole("link", { name: /marketing-alerts.*1 new/ }).waitFor();
    await dialog.getByRole("button", { name: "Open #marketing-alerts" }).click();
    await page.getByRole("heading", { name: "marketing-alerts", level: 1 }).waitFor();
    await page.getByRole("heading", { name: /ROAS below 2/ }).waitFor();
    await page.getByText("Added rule #1").waitFor();
    await page.getByRole("button", { name: "Ask the analyst why" }).waitFor();
    await shot("alert");
  });

  it("keeps every text at WCAG AA contrast", async () => {
    expect(await lowContrastText(page)).toEqual([]);
    await page
      .getByRole("navigation", { name: "Workspace" })
      .getByRole("link", { name: "marketing", exact: true })
      .click();
    await page.getByRole("heading", { name: "marketing", level: 1 }).waitFor();
    expect(await lowContrastText(page)).toEqual([]);
  });

  it("works from the keyboard: skip link, attach menu, threads and Escape", async () => {
    await page.reload();
    await page.getByRole("heading", { name: "marketing", level: 1 }).waitFor();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to the message box");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.id === "composer-input");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
      "Attach a file",
    );
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.getAttribute("role") === "menuitem");
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain(
      "Google Ads campaign totals",
    );
    await page.keyboard.press("Escape");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
      "Attach a file",
    );
    await page.getByRole("menu").waitFor({ state: "hidden" });

    await page
      .getByRole("button", { name: /^2 replies/ })
      .first()
      .focus();
    await page.keyboard.press("Enter");
    await threadPane().waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute("aria-label") === "Reply…");
    await page.keyboard.press("Escape");
    await threadPane().waitFor({ state: "detached" });
    await page.waitForFunction(() => document.activeElement?.id === "composer-input");
  });

  it("names every control and gives every image a text alternative", async () => {
    const unnamed = await page.evaluate(() =>
      Array.from(document.querySelectorAll("button, a[href], textarea, select, input:not([type=file])"))
        .filter((element) => {
          const name = element.getAttribute("aria-label") ?? element.textContent ?? "";
          return name.trim() === "" && !element.closest("[hidden]");
        })
        .map((element) => element.outerHTML.slice(0, 120)),
    );
    expect(unnamed).toEqual([]);
    expect(await page.locator("img:not([alt])").count()).toBe(0);
  });

  it("fits a 390 px phone: the channel list folds away behind a menu button", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      const nav = page.getByRole("navigation", { name: "Workspace" });
      await nav.waitFor({ state: "hidden" });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const menu = page.getByRole("button", { name: "Channels" });
      await menu.click();
      await nav.waitFor();
      expect(await menu.getAttribute("aria-expanded")).toBe("true");
      await shot("phone-channels");
      await nav.getByRole("link", { name: "marketing", exact: true }).click();
      await nav.waitFor({ state: "hidden" });
      await composer().waitFor();
      await shot("phone");
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it("follows the system's dark setting, every text still at AA contrast", async () => {
    await page.emulateMedia({ colorScheme: "dark" });
    try {
      const surface = await page.evaluate(
        () => getComputedStyle(document.querySelector(".content") as Element).backgroundColor,
      );
      expect(surface).toBe("rgb(26, 29, 33)");
      expect(await lowContrastText(page)).toEqual([]);
      await shot("dark");
    } finally {
      await page.emulateMedia({ colorScheme: "light" });
    }
  });

  it("keeps block content out of paragraphs", async () => {
    expect(await page.locator("p div, p ul, p ol, p pre, p p, p section").count()).toBe(0);
  });

  it("draws emoji as images the sandbox serves, in colour and on the text's line, whatever fonts the machine has", async () => {
    const { emulator, workspace } = sandbox;
    const posted = emulator.callApi("chat.postMessage", {
      channel: workspace.marketing.id,
      text: "Spend is up 📈 this week :tada: ✓ done, 🍋‍🟩 lime",
    });
    const ts = String((posted.body as { ts?: string }).ts);
    const text = page.locator(`.message-list .msg[data-ts="${ts}"] .mrkdwn`);
    await text.waitFor();
    const emoji = text.locator("img.emoji");
    // An emoji newer than the bundled images (the lime, Emoji 15.1) stays as typed, not a broken image.
    await expect
      .poll(() => emoji.evaluateAll((images) => images.map((image) => (image as HTMLImageElement).alt)))
      .toEqual(["📈", "🎉"]);
    expect(await text.textContent()).toContain("🍋‍🟩 lime");
    // A tick that is text by default stays text.
    expect(await text.textContent()).toContain("✓ done");
    await expect
      .poll(() =>
        emoji.evaluateAll((images) => images.every((image) => (image as HTMLImageElement).complete)),
      )
      .toBe(true);
    const fontSize = await text.evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
    await text.scrollIntoViewIfNeeded();
    const line = await text.boundingBox();
    for (const image of await emoji.all()) {
      expect(await image.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBeGreaterThan(
        0,
      );
      const box = await image.boundingBox();
      if (!box || !line) throw new Error("the emoji or its line has no box on the page");
      expect(box.height).toBeGreaterThanOrEqual(fontSize);
      expect(box.height).toBeLessThanOrEqual(fontSize * 1.5);
      expect(box.y).toBeGreaterThanOrEqual(line.y - 2);
      expect(box.y + box.height).toBeLessThanOrEqual(line.y + line.height + 2);
      // What the visitor sees: a blank emoji (a font the browser cannot draw) is all background.
      const { data, info } = await sharp(await image.screenshot())
        .raw()
        .toBuffer({ resolveWithObject: true });
      let coloured = 0;
      for (let at = 0; at < data.length; at += info.channels) {
        const [r = 0, g = 0, b = 0] = [data[at], data[at + 1], data[at + 2]];
        if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured += 1;
      }
      expect(coloured / (info.width * info.height)).toBeGreaterThan(0.1);
    }
  });

  it("made no request outside the sandbox and raised no script errors", () => {
    expect(offOrigin).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
