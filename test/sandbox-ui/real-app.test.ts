import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log/logger.js";
import { type RunningApp, startApp } from "../../src/main.js";
import { type Browser, emojiLoaded, hasChromium, launchBrowser, SKIP_REASON } from "./browser.js";

/**
 * `npm start` with nothing configured, in a browser: the real app, the real analyst and the real
 * webhook behind the sandbox page. Screenshots go to test/out/; with UPDATE_SCREENSHOTS=1 they also
 * replace the README's in docs/images/.
 */
const OUT = fileURLToPath(new URL("../out/", import.meta.url));
const DOCS = fileURLToPath(new URL("../../docs/images/", import.meta.url));

if (!hasChromium) console.warn(`skipping the real-app browser tests: ${SKIP_REASON}`);

describe.skipIf(!hasChromium)("npm start without Slack, in a browser", () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  const shot = async (name: string, forReadme = false) => {
    await page.mouse.move(1, 1);
    await emojiLoaded(page);
    await page.screenshot({ path: `${OUT}real-${name}.png` });
    if (forReadme && process.env.UPDATE_SCREENSHOTS === "1")
      await page.screenshot({ path: `${DOCS}${name}.png` });
  };
  const composer = () => page.locator("#composer-input");
  const threadPane = () => page.getByRole("complementary", { name: /^Thread/ });

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    const env = {
      PORT: "0",
      DATABASE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), "mpo-sandbox-")), "mpo.db")}`,
    };
    app = await startApp({ env, logger: silentLogger });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.setDefaultTimeout(20_000);
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(app.url);
    await page.getByRole("heading", { name: "marketing", level: 1 }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("runs the sandbox when no Slack credentials are set", () => {
    expect(app.emulator).not.toBeNull();
    expect(app.config.sandbox).toBe(true);
  });

  it("uploads a sample export and shows the analysis and its charts in the thread", async () => {
    await page.getByRole("button", { name: "Attach a file" }).click();
    await page.getByRole("menuitem", { name: /Meta Ads Manager export, by day/ }).click();
    await page.locator(".composer-attachment").getByText("meta-ads-daily-export.csv").waitFor();
    await composer().press("Enter");
    const upload = page.locator(".message-list .msg", { hasText: "meta-ads-daily-export.csv" }).first();
    await upload.getByRole("button", { name: /replies|reply/ }).click();
    const thread = threadPane();
    await thread.getByText(/Read as Meta Ads/).waitFor();
    await thread.getByText("ROAS", { exact: true }).first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll(".thread-pane .file-image img").length >= 2);
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll<HTMLImageElement>(".thread-pane .file-image img")).every(
        (image) => image.naturalWidth > 0,
      ),
    );
    // Posted once, final: no reply in the thread was edited into place from a progress message.
    expect(await thread.locator(".msg-edited").count()).toBe(0);
    const analysis = thread.locator(".msg", { hasText: "What stands out" }).first();
    await analysis.evaluate((element) => element.scrollIntoView({ block: "start" }));
    await expect.poll(() => analysis.getByText("What stands out").isVisible()).toBe(true);
    await shot("sandbox-thread", true);
  }, 60_000);

  it("answers a follow-up question in the thread", async () => {
    const reply = threadPane().getByRole("textbox", { name: "Reply…" });
    await reply.fill("Which campaigns should I cut?");
    await reply.press("Enter");
    const answer = threadPane().locator(".msg", { hasText: "Where to act on campaigns" }).last();
    await answer.getByText(/Read as: top and bottom campaign by ROAS/).waitFor();
    await page.waitForFunction(() => document.querySelectorAll(".thread-pane .stream-caret").length === 0);
    // Streamed and final: no "(edited)", and no byline under an offline answer, whose reading line says enough.
    expect(await threadPane().locator(".msg-edited").count()).toBe(0);
    expect(await answer.textContent()).not.toMatch(/Answered by|Filters: none|the default:/);
    await answer.evaluate((element) => element.scrollIntoView({ block: "start" }));
    await shot("sandbox-follow-up", true);
    await page.getByRole("button", { name: "Close thread" }).click();
  }, 60_000);

  it("runs /report and shows the report in the channel", async () => {
    await composer().fill("/report by campaign");
    await composer().press("Enter");
    await page.getByRole("heading", { name: /Performance report/ }).waitFor();
    await page
      .locator(".message-list .msg", { hasText: "Performance report" })
      .getByText(/Next actions|What stands out/)
      .first()
      .waitFor();
    const report = page.locator(".message-list .msg", { hasText: "Performance report" }).last();
    // The figures are shown once: no narrative "Headline" repeating the KPIs above it.
    expect(await report.textContent()).not.toMatch(/Headline/);
    expect(await page.locator(".message-list .msg-edited").count()).toBe(0);
    await shot("sandbox-report", true);
  }, 60_000);

  it("simulates live data through the signed webhook and the alert fires in the alerts channel", async () => {
    await page.getByRole("button", { name: "Simulate live data" }).click();
    const dialog = page.getByRole("dialog", { name: "Simulate live data" });
    await dialog.getByRole("button", { name: "Add this rule" }).click();
    await dialog.getByText(/Ran \/alert add roas < 2/).waitFor();
    await dialog.getByRole("button", { name: "Send live rows" }).click();
    await dialog.getByText(/accepted/).waitFor();
    await dialog.getByRole("button", { name: /Open #/ }).click();
    await page
      .locator(".message-list .msg", { hasText: /ROAS/ })
      .getByRole("button", { name: "Ask the analyst about this" })
      .first()
      .waitFor();
    await shot("sandbox-alert", true);
  }, 60_000);

  it("raised no script errors", () => {
    expect(pageErrors).toEqual([]);
  });
});
