import type { AnalystAnswer } from "../../agent/index.js";
import { type Block, buttons } from "./block-kit.js";

/** The button under a report or an answer that turns it into a weekly scheduled delivery. */
export const SCHEDULE_WEEKLY_ACTION = "report_schedule_weekly";

/** What a "Send this every Monday" button delivers: the words after `/report`, or a question. */
export type ScheduledDelivery = { report: string } | { question: string };

/** Slack allows 2,000 characters in a button's value; a longer request gets no button rather than a cut one. */
const VALUE_LIMIT = 2000;

/** "Send this every Monday" for a report's words or an answer's question; nothing when it cannot fit. */
export function scheduleButton(delivery: ScheduledDelivery): Block[] {
  // Never empty (Slack wants a value): the words follow a prefix saying which kind they are.
  const value = "question" in delivery ? `question:${delivery.question}` : `report:${delivery.report}`;
  if (value.length > VALUE_LIMIT) return [];
  return [buttons([{ text: "Send this every Monday", actionId: SCHEDULE_WEEKLY_ACTION, value }])];
}

/** The delivery a clicked button carries, or null for a value that is not one. */
export function scheduledDelivery(value: string | undefined): ScheduledDelivery | null {
  if (value?.startsWith("report:")) return { report: value.slice("report:".length) };
  if (value?.startsWith("question:")) return { question: value.slice("question:".length) };
  return null;
}

/** Calls that read no period themselves: what the data holds, or a chart of what another call read. */
const PERIODLESS_CALLS = new Set(["describe_dataset", "render_chart"]);

/**
 * Whether an answer is a summary worth having again every Monday: checked in full, and every call behind it
 * read a period that moves with the data ("last week", "the last 30 days", or a comparison's default last 7
 * days). An answer about fixed dates or about all the data would repeat itself, and a decline has nothing to
 * repeat, so neither offers the button.
 */
export function recurringAnswer(
  answer: Pick<AnalystAnswer, "toolCalls" | "unverified" | "unanswered">,
): boolean {
  if (answer.unverified.length > 0 || answer.unanswered.length > 0) return false;
  const reads = answer.toolCalls.filter((call) => !PERIODLESS_CALLS.has(call.name));
  return (
    reads.length > 0 &&
    reads.every(
      (call) =>
        call.ok &&
        (typeof call.args.period === "string" ||
          (call.name === "compare_periods" && call.args.current === undefined)),
    )
  );
}
