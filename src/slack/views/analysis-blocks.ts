import { describeCheck, describePeriod, describeReading } from "../../format/format-receipt.js";
import type { Dataset } from "../../ingest/index.js";
import type { PerformanceSummary } from "../../report/performance-summary.js";
import { type Block, buttons, context, escapeText, header } from "./block-kit.js";
import { summaryBlocks } from "./summary-blocks.js";

export const ASK_SUGGESTED_ACTION = "ask_suggested";
const WARNINGS_SHOWN = 3;

/** The reply to an uploaded export: how it was read in one line, its figures, and questions to ask next. */
export function analysisBlocks(dataset: Dataset, summary: PerformanceSummary, questions: string[]): Block[] {
  const { receipt } = dataset;
  const reading = [
    describeReading(receipt),
    describePeriod(receipt.dateRange),
    receipt.currency ?? "currency not stated",
  ].join(" · ");
  const check = describeCheck(dataset.totalsCheck);
  const blocks: Block[] = [
    header(`📊 ${receipt.file}`),
    context([`Read as ${escapeText(reading)}${check ? ` · ✓ ${escapeText(check)}` : ""}`]),
    ...summaryBlocks(summary, receipt.currency),
  ];
  if (receipt.warnings.length > 0) {
    const shown = receipt.warnings.slice(0, WARNINGS_SHOWN).map((warning) => `⚠️ ${escapeText(warning)}`);
    const more = receipt.warnings.length - WARNINGS_SHOWN;
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
  return `Analysis of ${dataset.receipt.file}: ${describeReading(dataset.receipt)}`;
}
