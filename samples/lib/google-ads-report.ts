import { type AdLine, type DailyFigures, dailyFigures, sumFigures } from "./ad-line.js";
import { daysBetween, longDate } from "./calendar.js";
import { cell, grouped, percent } from "./number-format.js";
import type { Random } from "./random.js";

export interface GoogleCampaign extends AdLine {
  type: "Search" | "Performance Max" | "Video" | "Display";
}

interface CampaignDay extends DailyFigures {
  campaign: GoogleCampaign;
}

const HEADER_BY_DAY = [
  "Day",
  "Campaign",
  "Campaign status",
  "Campaign type",
  "Currency code",
  "Impr.",
  "Clicks",
  "CTR",
  "Avg. CPC",
  "Cost",
  "Conversions",
  "Conv. rate",
  "Cost / conv.",
  "Conv. value",
  "Conv. value / cost",
];

const HEADER_BY_CAMPAIGN = HEADER_BY_DAY.slice(1);

/** Google writes " --" where a ratio has no denominator. */
function ratio(numerator: number, denominator: number, format: (value: number) => string): string {
  return denominator === 0 ? " --" : format(numerator / denominator);
}

function measureCells(figures: Omit<DailyFigures, "day">): string[] {
  return [
    grouped(figures.impressions, 0),
    grouped(figures.clicks, 0),
    ratio(figures.clicks, figures.impressions, percent),
    ratio(figures.spend, figures.clicks, (v) => grouped(v, 2)),
    grouped(figures.spend, 2),
    grouped(figures.conversions, 2),
    ratio(figures.conversions, figures.clicks, percent),
    ratio(figures.spend, figures.conversions, (v) => grouped(v, 2)),
    grouped(figures.revenue, 2),
    ratio(figures.revenue, figures.spend, (v) => grouped(v, 2)),
  ];
}

function campaignCells(campaign: GoogleCampaign, currency: string): string[] {
  return [campaign.name, "Enabled", campaign.type, currency];
}

/** "Total: Account" and one total per campaign type, as Google appends them under the rows. */
function totalRows(rows: readonly CampaignDay[], currency: string, leadingCells: number): string[][] {
  const types = [...new Set(rows.map((row) => row.campaign.type))];
  const blank = Array.from({ length: leadingCells }, () => "");
  const totals = types.map((type) => [
    `Total: ${type} campaigns`,
    ...blank.slice(1, -1),
    currency,
    ...measureCells(sumFigures(rows.filter((row) => row.campaign.type === type))),
  ]);
  totals.push(["Total: Account", ...blank.slice(1, -1), currency, ...measureCells(sumFigures(rows))]);
  return totals;
}

export interface GoogleReportOptions {
  title: string;
  from: string;
  to: string;
  currency: string;
  campaigns: readonly GoogleCampaign[];
  /** One row per campaign and day (a "Day" segment) or one row per campaign. */
  byDay: boolean;
  delimiter: "\t" | ",";
}

/** A Google Ads campaign report as "Download → CSV/TSV" writes it: title, date range, header, rows, totals. */
export function googleAdsReport(options: GoogleReportOptions, random: Random): string {
  const days = daysBetween(options.from, options.to);
  const rows: CampaignDay[] = days.flatMap((day) =>
    options.campaigns.map((campaign) => ({ ...dailyFigures(campaign, day, random), campaign })),
  );
  const lines: string[][] = [[options.title], [`${longDate(options.from)} - ${longDate(options.to)}`]];
  if (options.byDay) {
    lines.push(HEADER_BY_DAY);
    for (const row of rows)
      lines.push([row.day, ...campaignCells(row.campaign, options.currency), ...measureCells(row)]);
    lines.push(...totalRows(rows, options.currency, 5));
  } else {
    lines.push(HEADER_BY_CAMPAIGN);
    for (const campaign of options.campaigns) {
      const figures = sumFigures(rows.filter((row) => row.campaign === campaign));
      lines.push([...campaignCells(campaign, options.currency), ...measureCells(figures)]);
    }
    lines.push(...totalRows(rows, options.currency, 4));
  }
  return `${lines.map((line) => line.map((value) => cell(value, options.delimiter)).join(options.delimiter)).join("\r\n")}\r\n`;
}
