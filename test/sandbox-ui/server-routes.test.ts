import type { SlackEmulator } from "@mpo/slack-sandbox/emulator";
import { type RunningSandboxUi, seedSandboxWorkspace, startSandboxUi } from "@mpo/slack-sandbox/ui";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "../sandbox/helpers.js";

/** The sandbox server without a browser: what it serves, what it refuses, what it does in the emulator. */
let emulator: SlackEmulator;
let ui: RunningSandboxUi;
let workspace: ReturnType<typeof seedSandboxWorkspace>;

const control = (
  path: string,
  body: unknown,
  headers: Record<string, string> = { "X-Sandbox-Control": "1" },
) =>
  fetch(new URL(path, ui.url), {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

beforeEach(async () => {
  emulator = await startEmulator();
  workspace = seedSandboxWorkspace(emulator);
  ui = await startSandboxUi({ emulator, userId: workspace.user.id, defaultChannel: workspace.marketing.id });
});

afterEach(async () => {
  await ui.close();
  await emulator.close();
});

describe("the sandbox server", () => {
  it("serves the page with a same-origin content policy, its modules, styles and font", async () => {
    const page = await fetch(ui.url);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('src="/sandbox/assets/js/main.js"');
    expect(html).not.toMatch(/https?:\/\//);
    const main = await fetch(new URL("/sandbox/assets/js/main.js", ui.url));
    expect(main.headers.get("content-type")).toContain("text/javascript");
    // One bundle: the page's modules are inside it, so it imports nothing.
    const bundle = await main.text();
    expect(bundle).toContain("/sandbox/api/events");
    expect(bundle).not.toMatch(/^import /m);
    const css = await (await fetch(new URL("/sandbox/assets/app.css", ui.url))).text();
    expect(css).toContain("InterVariable");
    const font = await fetch(new URL("/sandbox/assets/fonts/InterVariable.woff2", ui.url));
    expect(font.status).toBe(200);
    expect((await fetch(new URL("/sandbox/assets/js/..%2Fsandbox-ui.js", ui.url))).status).toBe(404);
  });

  it("serves the emoji images the page draws, and nothing else from that folder", async () => {
    const chart = await fetch(new URL("/sandbox/assets/emoji/1f4ca.svg", ui.url));
    expect(chart.status).toBe(200);
    expect(chart.headers.get("content-type")).toBe("image/svg+xml");
    expect(await chart.text()).toMatch(/^<svg[^>]*viewBox="0 0 36 36"/);
    expect((await fetch(new URL("/sandbox/assets/emoji/1f44d-1f3fd.svg", ui.url))).status).toBe(200);
    for (const missing of ["ffff0.svg", "package.json", "..%2Fpackage.json", "1f4ca.svg.map"]) {
      expect((await fetch(new URL(`/sandbox/assets/emoji/${missing}`, ui.url))).status).toBe(404);
    }
  });

  it("refuses control requests without the sandbox header, so another site cannot post as the person", async () => {
    const response = await control(
      "/sandbox/api/messages",
      { channel: workspace.marketing.id, text: "hi" },
      {},
    );
    expect(response.status).toBe(403);
    expect(emulator.messages({ channel: workspace.marketing.id })).toEqual([]);
  });

  it("posts what the person typed as Slack's client would: escaped text, a mention, a rich_text block", async () => {
    const response = await control("/sandbox/api/messages", {
      channel: workspace.marketing.id,
      text: "@analyst is ROAS > 2 & *rising*?",
    });
    expect(await response.json()).toMatchObject({ ok: true });
    const [message] = emulator.messages({ channel: workspace.marketing.id });
    expect(message?.text).toBe(`${emulator.botMention} is ROAS &gt; 2 &amp; *rising*?`);
    expect(message?.blocks).toMatchObject([
      {
        type: "rich_text",
        elements: [
          {
            type: "rich_text_section",
            elements: [
              { type: "user", user_id: emulator.botUserId },
              { type: "text", text: " is ROAS > 2 & " },
              { type: "text", text: "rising", style: { bold: true } },
              { type: "text", text: "?" },
            ],
          },
        ],
      },
    ]);
    await emulator.waitFor((t) => t.events.find((e) => e.type === "app_mention"));
  });

  it("uploads a sample export into the channel as the person", async () => {
    const form = new FormData();
    form.set("channel", workspace.marketing.id);
    form.set("sample", "google-ads-campaign-totals.csv");
    const response = await fetch(new URL("/sandbox/api/uploads", ui.url), {
      method: "POST",
      headers: { "X-Sandbox-Control": "1" },
      body: form,
    });
    const { fileId } = (await response.json()) as { fileId: string };
    const file = emulator.file(fileId);
    expect(file?.name).toBe("google-ads-campaign-totals.csv");
    expect(file?.bytes.toString("utf8")).toMatch(/^Campaign report\r\n/);
    const served = await fetch(new URL(`/sandbox/api/files/${fileId}`, ui.url));
    expect(served.headers.get("content-disposition")).toContain("attachment");
    expect(served.headers.get("content-security-policy")).toContain("sandbox");
  });

  it("explains what is wrong with a bad request", async () => {
    const unknown = await control("/sandbox/api/commands", {
      channel: workspace.marketing.id,
      command: "/nope",
    });
    expect(await unknown.json()).toEqual({ ok: false, error: "/nope is not a valid command" });
    const empty = await control("/sandbox/api/messages", { channel: workspace.marketing.id, text: "  " });
    expect(await empty.json()).toEqual({ ok: false, error: "type a message first" });
    const live = await control("/sandbox/api/live-data", {});
    expect(await live.json()).toEqual({
      ok: false,
      error: "live data is not wired to a webhook in this sandbox",
    });
  });

  it("streams a snapshot first, then each change the page shows", async () => {
    const controller = new AbortController();
    const response = await fetch(new URL("/sandbox/api/events", ui.url), { signal: controller.signal });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let received = "";
    const readUntil = async (marker: string) => {
      while (!received.includes(marker)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${marker}`);
        received += decoder.decode(value, { stream: true });
      }
    };
    await readUntil("event: snapshot");
    await readUntil("\n\n");
    const snapshot = JSON.parse(/event: snapshot\ndata: (.*)\n/.exec(received)?.[1] ?? "{}");
    expect(snapshot).toMatchObject({
      me: { id: workspace.user.id, realName: "Sam Rivera" },
      defaultChannel: workspace.marketing.id,
      commands: [{ command: "/report" }, { command: "/alert" }],
    });
    expect(snapshot.samples.map((s: { file: string }) => s.file)).toContain("meta-ads-daily-export.csv");
    emulator.postMessage({ user: workspace.user.id, channel: workspace.marketing.id, text: "live?" });
    await readUntil('"text":"live?"');
    controller.abort();
  });
});
