import { type FactRecord, factTableFromRecords } from "../../src/ingest/fact-table-builder.js";

/**
 * A small account: two dated weeks with an empty week between them, one undated row with a blank campaign.
 * Totals by hand: spend 525, impressions 71000, clicks 810, conversions 20, revenue 930.
 */
export const ACCOUNT_ROWS: FactRecord[] = [
  {
    date: "2025-01-06",
    campaign: "Brand",
    channel: "Google",
    spend: 100,
    impressions: 10000,
    clicks: 200,
    conversions: 10,
    revenue: 500,
  },
  {
    date: "2025-01-07",
    campaign: "Brand",
    channel: "Meta",
    spend: 50,
    impressions: 5000,
    clicks: 50,
    conversions: 5,
    revenue: 150,
  },
  {
    date: "2025-01-08",
    campaign: "Prospecting",
    channel: "Meta",
    spend: 200,
    impressions: 40000,
    clicks: 400,
    conversions: 4,
    revenue: 240,
  },
  {
    date: "2025-01-20",
    campaign: "Prospecting",
    channel: "Google",
    spend: 150,
    impressions: 15000,
    clicks: 150,
    conversions: 0,
    revenue: 0,
  },
  { campaign: "", channel: "Google", spend: 25, impressions: 1000, clicks: 10, conversions: 1, revenue: 40 },
];

export const account = () => factTableFromRecords(ACCOUNT_ROWS);

/** One row per day from 2025-03-01 on, with what `measuresOfDay` gives for day 1 (2025-03-01), 2, ... */
export function dailyFacts(days: number, measuresOfDay: (day: number) => FactRecord) {
  return factTableFromRecords(
    Array.from({ length: days }, (_, index) => ({
      date: isoDay(Date.UTC(2025, 2, 1) + index * 86_400_000),
      ...measuresOfDay(index + 1),
    })),
  );
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
