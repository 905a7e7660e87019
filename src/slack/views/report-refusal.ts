import { codeSpan, literalSlackText } from "../../format/slack-text.js";
import { REPORT_USAGE, type ReportRequest } from "../../report/report-request.js";
import { describeReportRequest } from "../../report/report-request-words.js";

/**
 * Why `/report` made no report, shown only to the person who typed it: how it read their words (when it
 * could), what stood in the way, and the forms it accepts.
 */
export function reportRefusal(typed: string, request: ReportRequest | null, reason: string): string {
  const command = codeSpan(`/report${typed === "" ? "" : ` ${typed}`}`).text;
  const reading = request
    ? `I read ${command} as ${literalSlackText(describeReportRequest(request))}, but ${literalSlackText(reason)}.`
    : `I couldn't read ${command}: ${literalSlackText(reason)}.`;
  return `${reading}\n${REPORT_USAGE}`;
}

/** The acknowledgement while the report is built: what is being built, so a misreading shows at once. */
export function reportBuilding(request: ReportRequest): string {
  return `Building the report of ${literalSlackText(describeReportRequest(request))}…`;
}
