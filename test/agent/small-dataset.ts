import { type Dataset, readExport } from "../../src/ingest/index.js";

/**
 * Four rows, two per campaign and two per day, with row values that never equal an aggregate: tests look
 * for them in what is sent to Gemini, where only sums and ratios may appear.
 */
export const ROW_VALUES = ["1111.11", "1234.56", "2222.22", "3456.78", "40001", "40002", "50003", "50004"];

export function smallDataset(): Dataset {
  const csv = [
    "Date,Channel,Campaign,Cost (USD),Impressions,Clicks,Conversions,Revenue (USD)",
    "2024-03-01,Meta,Prospecting,1111.11,40001,801,11,2600.00",
    "2024-03-02,Meta,Prospecting,1234.56,40002,799,13,2900.00",
    "2024-03-01,Google Ads,Brand Search,2222.22,50003,1500,40,9100.00",
    "2024-03-02,Google Ads,Brand Search,3456.78,50004,1700,44,9900.00",
  ].join("\n");
  return readExport({ bytes: Buffer.from(`${csv}\n`), name: "small.csv" });
}
