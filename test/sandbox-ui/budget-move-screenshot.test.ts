import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log/logger.js";
import { type RunningApp, startApp } from "../../src/main.js";
import { shareExport } from "../e2e/app-harness.js";
import { BUDGET_CAMPAIGNS, dailyCampaignCsv } from "../optimizer/daily-fixtures.js";
import { type Browser, emojiLoaded, hasChromium, launchBrowser, SKIP_REASON } from "./browser.js";

/**
 * A budget-move answer with its response-curve chart, as a person sees it on the sandbox page (issue 18).
 * The screenshot goes to test/out/; with UPDATE_SCREENSHOTS=1 it also replaces the README's.
 */
const OUT = fileURLToPath(new URL("../out/", import.meta.url));
const DOCS = fileURLToPath(new URL("../../docs/images/", import.meta.url));

if (!hasChromium) console.warn(`skipping the budget-move screenshot: ${SKIP_REASON}`);

describe.skipIf(!hasChromium)("a budget-move answer on the sandbox page", () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    const env = {
      PORT: "0",
      DATABASE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), "mpo-budget-")), "mpo.db")}`,
    };
    app = await startApp({ env, logger: silentLogger });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1400, height: 2100 });
    page.setDefaultTimeout(30_000);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("shows the move, its range and the response curves in the thread", async () => {
    const emulator = app.emulator;
    if (!emulator) throw new Error("the app did not start its sandbox");
    const transcript = emulator.transcript();
    const channel = transcript.channels.find((item) => item.name === "marketing");
    const user = transcript.users.find((item) => item.id !== transcript.bot.userId && !item.isBot);
    if (!channel || !user) throw new Error("the sandbox has no #marketing or no person");
    const csv = dailyCampaignCsv(BUDGET_CAMPAIGNS, 84);
    const { shared } = await shareExport(emulator, {
      user: user.id,
      channel: channel.id,
      filename: "meta-daily-by-campaign.csv",
      content: csv,
    });
    const question = emulator.postMessage({
      user: user.id,
      channel: channel.id,
      text: "where should I move budget?",
      threadTs: shared.ts,
    });
    await emulator.waitFor(
      () =>
        emulator
          .messages({ channel: channel.id, threadTs: shared.ts, fromBot: true })
          .filter((message) => Number(message.ts) > Number(question.ts))
          .flatMap((message) => message.files)
          .map((id) => emulator.file(id))
          .find((file) => /response to spend/i.test(file?.title ?? "")),
      { timeoutMs: 30_000 },
    );
    await page.goto(app.url);
    await page.getByRole("heading", { name: "marketing", level: 1 }).waitFor();
    const upload = page.locator(".message-list .msg", { hasText: "meta-daily-by-campaign.csv" }).first();
    await upload.getByRole("button", { name: /replies|reply/ }).click();
    const thread = page.getByRole("complementary", { name: /^Thread/ });
    const answer = thread.locator(".msg", {
      hasText: /Move \$[\d,.]+\/week from Prospecting - Broad to Retargeting/,
    });
    await answer.waitFor();
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll<HTMLImageElement>(".thread-pane .file-image img")).every(
        (image) => image.naturalWidth > 0,
      ),
    );
    const chart = thread.locator(".file-image img").last();
    await chart.scrollIntoViewIfNeeded();
    await answer.scrollIntoViewIfNeeded();
    expect(await thread.locator(".file-image img").count()).toBeGreaterThanOrEqual(3);
    // The upload reply and the answer were each posted final: nothing in the thread reads "(edited)".
    expect(await thread.locator(".msg-edited").count()).toBe(0);
    await page.mouse.move(1, 1);
    await emojiLoaded(page);
    await thread.screenshot({ path: `${OUT}real-sandbox-budget-move.png` });
    if (process.env.UPDATE_SCREENSHOTS === "1")
      await thread.screenshot({ path: `${DOCS}sandbox-budget-move.png` });
  }, 90_000);
});
