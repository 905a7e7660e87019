import type { App, BlockAction } from "@slack/bolt";
import { breakdownChartSpec, renderPng } from "../../src/charts/index.js";
import { type Dataset, readExport } from "../../src/ingest/index.js";
import { BOT_TOKEN } from "../sandbox/helpers.js";
import { breakdownBlocks, type Summary, summarize } from "./demo-summary.js";

/**
 * A small Bolt app standing in for the product in the sandbox UI's tests: it reads an uploaded export
 * with the real ingest, answers in the file's thread with Block Kit and a chart PNG, answers follow-ups,
 * `/report`, `/alert`, a button, and publishes a Home tab. What the page shows is what Slack would show.
 */
interface ThreadData {
  dataset: Dataset;
  summary: Summary;
}

const HOME_RULES: string[] = [];

function homeView(threads: Map<string, ThreadData>, clicks: number): Record<string, unknown> {
  const datasets = [...threads.values()].map(
    (t) => `• *${t.dataset.receipt.file}* — ${t.dataset.receipt.rows} rows`,
  );
  return {
    type: "home",
    blocks: [
      { type: "header", text: { type: "plain_text", text: "Your marketing analyst" } },
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: "Drop an ad-platform export in a channel I'm in and I reply in its thread with the KPIs and a chart.\nThen ask follow-ups in plain words, or run `/report`.",
        },
      },
      { type: "divider" },
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `*Datasets*\n${datasets.length > 0 ? datasets.join("\n") : "_None yet._"}`,
        },
      },
      {
        type: "section",
        fields: [
          { type: "mrkdwn", text: `*Alert rules*\n${HOME_RULES.length}` },
          { type: "mrkdwn", text: `*Refreshed*\n${clicks} time${clicks === 1 ? "" : "s"}` },
        ],
      },
      {
        type: "actions",
        elements: [
          { type: "button", action_id: "home_refresh", text: { type: "plain_text", text: "Refresh" } },
        ],
      },
      {
        type: "context",
        elements: [{ type: "mrkdwn", text: "Sandbox test app · figures from the metrics engine" }],
      },
    ],
  };
}

export interface ReceivedAction {
  actionId: string;
  value?: string;
}

export function registerDemoApp(app: App, received: ReceivedAction[] = []): void {
  const threads = new Map<string, ThreadData>();
  let homeRefreshes = 0;

  app.event("message", async ({ event, client }) => {
    if (event.subtype === "file_share" && event.files?.[0]) {
      const file = event.files[0];
      if (!/\.(csv|tsv|txt)$/i.test(file.name ?? "")) return;
      await client.assistant.threads.setStatus({
        channel_id: event.channel,
        thread_ts: event.ts,
        status: "is reading the export…",
      });
      const download = await fetch(file.url_private_download as string, {
        headers: { Authorization: `Bearer ${BOT_TOKEN}` },
      });
      const dataset = readExport({
        bytes: new Uint8Array(await download.arrayBuffer()),
        name: file.name ?? "export.csv",
      });
      const summary = summarize(dataset);
      threads.set(`${event.channel}:${event.ts}`, { dataset, summary });
      await client.chat.postMessage({
        channel: event.channel,
        thread_ts: event.ts,
        text: summary.text,
        blocks: summary.blocks as never,
      });
      const png = await renderPng(
        breakdownChartSpec({
          rows: summary.rows,
          metric: "roas",
          dimension: summary.dimension,
          context: {
            source: dataset.receipt.file,
            dateRange: dataset.receipt.dateRange,
            currency: dataset.receipt.currency,
          },
        }),
      );
      await client.files.uploadV2({
        channel_id: event.channel,
        thread_ts: event.ts,
        file: png,
        filename: "roas-by-campaign.png",
        title: `ROAS by ${summary.dimension}`,
        alt_text: `Bar chart of ROAS by ${summary.dimension}`,
      });
      return;
    }
    if (event.subtype !== undefined || !("thread_ts" in event) || !event.thread_ts) return;
    const thread = threads.get(`${event.channel}:${event.thread_ts}`);
    if (!thread || !("text" in event)) return;
    const best = [...thread.summary.rows].sort((a, b) => (b.roas ?? 0) - (a.roas ?? 0))[0];
    await client.chat.postMessage({
      channel: event.channel,
      thread_ts: event.thread_ts,
      text: `On ${thread.dataset.receipt.file}: *${best?.key ?? "n/a"}* returns the most per dollar (ROAS ${best?.roas?.toFixed(2) ?? "—"}x).\n• Shift budget from the weakest ${thread.summary.dimension}s\n• Keep an eye on _CPA_ while you scale`,
    });
  });

  app.event("app_mention", async ({ event, say }) => {
    if (event.thread_ts && threads.has(`${event.channel}:${event.thread_ts}`)) return;
    await say({
      thread_ts: event.ts,
      text: "Hi! Drop a *Google Ads*, *Meta* or *GA4* export in this channel and I'll read it, or run `/report`.",
    });
  });

  app.command("/report", async ({ command, ack, respond }) => {
    const latest = [...threads.values()].at(-1);
    if (!latest) {
      await ack({
        response_type: "ephemeral",
        text: "There is no dataset in this channel yet: upload an export first.",
      });
      return;
    }
    await ack({
      response_type: "ephemeral",
      text: `Building the report${command.text ? ` for ${command.text}` : ""}…`,
    });
    await respond({
      response_type: "in_channel",
      text: `Report for ${latest.dataset.receipt.file}`,
      blocks: [
        { type: "header", text: { type: "plain_text", text: `Report: ${latest.dataset.receipt.file}` } },
        ...(latest.summary.blocks.slice(2, 3) as unknown[]),
        ...breakdownBlocks(latest.summary, latest.dataset.receipt.currency),
      ] as never,
    });
  });

  app.command("/alert", async ({ command, ack }) => {
    const rule = command.text.replace(/^add\s+/, "");
    HOME_RULES.push(rule);
    await ack({
      response_type: "ephemeral",
      text: `Added rule #${HOME_RULES.length}: \`${rule}\`. Alerts go to this channel.`,
    });
  });

  app.action("breakdown", async ({ ack, body, client }) => {
    await ack();
    const container = (body as { container?: { channel_id?: string; thread_ts?: string } }).container;
    const thread = threads.get(`${container?.channel_id}:${container?.thread_ts}`);
    if (!thread || !container?.channel_id) return;
    await client.chat.postMessage({
      channel: container.channel_id,
      thread_ts: container.thread_ts,
      text: "Breakdown",
      blocks: breakdownBlocks(thread.summary, thread.dataset.receipt.currency) as never,
    });
  });

  app.action("trend", async ({ ack }) => {
    await ack();
  });

  // Buttons and menus the tests post themselves: acknowledged and recorded, as any app must ack.
  app.action<BlockAction>(/^(digest_|alert_)/, async ({ ack, action }) => {
    await ack();
    const value =
      "selected_option" in action
        ? action.selected_option?.value
        : "value" in action
          ? action.value
          : undefined;
    received.push({ actionId: action.action_id, ...(value !== undefined ? { value } : {}) });
  });

  app.event("app_home_opened", async ({ event, client }) => {
    await client.views.publish({ user_id: event.user, view: homeView(threads, homeRefreshes) as never });
  });

  app.action("home_refresh", async ({ ack, body, client }) => {
    await ack();
    homeRefreshes += 1;
    await client.views.publish({ user_id: body.user.id, view: homeView(threads, homeRefreshes) as never });
  });
}
