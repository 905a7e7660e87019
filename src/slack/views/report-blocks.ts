import { describePeriod } from "../../format/format-receipt.js";
import { untrustedMarkdown } from "../../format/slack-markdown.js";
import { mention, mrkdwn } from "../../format/slack-text.js";
import type { PerformanceSummary } from "../../report/performance-summary.js";
import { type Block, context, divider, header, markdownBlock } from "./block-kit.js";
import { scheduleButton } from "./schedule-button.js";
import { findingBlocks, summaryBlocks } from "./summary-blocks.js";

export interface ReportView {
  /** What the figures come from: file names, and live webhook data when it was included. */
  sources: string[];
  summary: PerformanceSummary;
  currency: string | null;
  /** The analyst's narrative, in Markdown: shown in a markdown block, its links and tokens made text. */
  narrative: string;
  requestedBy: string;
  /** A line of Slack text the app wrote (a scheduled delivery's, or its lateness), under the header. */
  note?: string;
  /** What followed `/report`: with it the report offers "Send this every Monday"; none on a delivery. */
  scheduleValue?: string | null;
}

/** `/report`: the whole picture of a channel's data, posted for everyone in the channel. */
export function reportBlocks(view: ReportView): Block[] {
  return [
    header("📈 Performance report"),
    context([
      mrkdwn`${view.sources.join(" + ")} · ${describePeriod(view.summary.period)} · asked by ${mention(view.requestedBy)}`,
    ]),
    ...(view.note ? [context([view.note])] : []),
    ...findingBlocks(view.summary, view.currency),
    ...summaryBlocks(view.summary, view.currency),
    divider(),
    markdownBlock(untrustedMarkdown(view.narrative)),
    context(["Charts are in the thread. Reply there to ask follow-up questions."]),
    ...(view.scheduleValue != null ? scheduleButton({ report: view.scheduleValue }) : []),
  ];
}
