import {
  describeCheck,
  describeContradiction,
  describePeriod,
  describeReading,
} from "../../format/format-receipt.js";
import { mrkdwn } from "../../format/slack-text.js";
import type { Dataset } from "../../ingest/index.js";
import type { PerformanceSummary } from "../../report/performance-summary.js";
import { type Block, buttons, context, header, section } from "./block-kit.js";
import { findingBlocks, summaryBlocks } from "./summary-blocks.js";

export const ASK_SUGGESTED_ACTION = "ask_suggested";
const WARNINGS_SHOWN = 3;

/**
 * The reply to an uploaded export: what stands out first, then how it was read in one line, its figures,
 * and questions to ask next.
 */
export function analysisBlocks(dataset: Dataset, summary: PerformanceSummary, questions: string[]): Block[] {
  const { receipt } = dataset;
  const reading = [
    describeReading(receipt),
    describePeriod(receipt.dateRange),
    receipt.currency ?? "currency not stated",
  ].join(" · ");
  const check = describeCheck(dataset.totalsCheck);
  const contradiction = describeContradiction(dataset.totalsCheck, receipt.warnings);
  const blocks: Block[] = [
    header(`📊 ${receipt.file}`),
    ...(contradiction
      ? [section(mrkdwn`:warning: *These figures do not match the file.* ${contradiction}`)]
      : []),
    ...findingBlocks(summary, receipt.currency),
    context([mrkdwn`Read as ${reading}${check ? ` · ✓ ${check}` : ""}`]),
    ...summaryBlocks(summary, receipt.currency),
  ];
  const notes = receipt.warnings.filter((warning) => warning !== contradiction);
  if (notes.length > 0) {
    const shown = notes.slice(0, WARNINGS_SHOWN).map((warning) => mrkdwn`⚠️ ${warning}`);
    const more = notes.length - WARNINGS_SHOWN;
    blocks.push(context(more > 0 ? [...shown, `…and ${more} more notes`] : shown));
  }
  if (questions.length > 0) {
    blocks.push(
      context(["Ask me anything about this file in this thread, or try:"]),
      buttons(
        questions.map((question) => ({ text: question, actionId: ASK_SUGGESTED_ACTION, value: question })),
      ),
    );
  }
  return blocks;
}

export function analysisFallbackText(dataset: Dataset): string {
  return mrkdwn`Analysis of ${dataset.receipt.file}: ${describeReading(dataset.receipt)}`;
}
