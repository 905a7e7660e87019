import type { PeriodSpec, ReportRequest } from "./report-request.js";

/** How `/report` read its arguments, in words: "the channel's latest data, the last 7 days of the data, by channel". */
export function describeReportRequest(request: ReportRequest): string {
  const data = request.dataset ? `the dataset "${request.dataset}"` : "the channel's latest data";
  const period = request.period
    ? describePeriodSpec(request.period)
    : "all its dates, with the latest days against as many days before";
  return `${data}, ${period}${request.by ? `, by ${request.by}` : ""}`;
}

function describePeriodSpec(spec: PeriodSpec): string {
  switch (spec.kind) {
    case "last-days":
      return spec.days === 1 ? "the last day of the data" : `the last ${spec.days} days of the data`;
    case "yesterday":
      return "the last day of the data";
    case "this-week":
      return "the data's latest week";
    case "last-week":
      return "the data's last complete week (Monday to Sunday)";
    case "this-month":
      return "the data's latest month";
    case "last-month":
      return "the data's last complete month";
    case "month": {
      const name = new Date(Date.UTC(2000, spec.month - 1, 1)).toLocaleString("en-US", {
        month: "long",
        timeZone: "UTC",
      });
      return spec.year ? `${name} ${spec.year}` : name;
    }
    case "range":
      return `${spec.from} to ${spec.to}`;
  }
}
