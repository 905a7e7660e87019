import { createWriteStream, existsSync, mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";

/**
 * The benchmark file of issue 2: 1,000,000 rows, about 60 MB, of a generic export (date, campaign of 200,
 * channel of 6, impressions, clicks, spend, conversions, revenue). Deterministic, so every run measures
 * the same bytes.
 */
export async function ensureBigCsv(path: string, rows = 1_000_000): Promise<{ path: string; bytes: number }> {
  const channels = ["google_ads", "meta_ads", "tiktok_ads", "linkedin_ads", "microsoft_ads", "email"];
  const campaigns = Array.from({ length: 200 }, (_, i) => `Campaign ${String(i + 1).padStart(3, "0")}`);
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const start = Date.UTC(2025, 0, 1);
  return ensureCsv(path, "date,campaign,channel,impressions,clicks,spend,conversions,revenue", rows, (i) => {
    const date = new Date(start + Math.floor((i / rows) * 365) * 86_400_000).toISOString().slice(0, 10);
    const impressions = 100 + Math.floor(random() * 5000);
    const clicks = Math.floor(impressions * random() * 0.05);
    const spend = (clicks * (0.2 + random() * 2)).toFixed(2);
    const conversions = Math.floor(clicks * random() * 0.1);
    const revenue = (conversions * (20 + random() * 80)).toFixed(2);
    return `${date},${campaigns[i % 200]},${channels[i % 6]},${impressions},${clicks},${spend},${conversions},${revenue}\n`;
  });
}

/**
 * Issue 16's worst case for text: about 200 MB of rows whose three text columns never repeat a value (a
 * keyword id, a search term, a landing page), as search-term and click reports can be. Deterministic.
 */
export async function ensureUniqueCsv(
  path: string,
  rows = 6_200_000,
): Promise<{ path: string; bytes: number }> {
  return ensureCsv(path, "keyword id,search term,landing page,clicks,cost", rows, (i) => {
    const key = (i * 2_654_435_761 + 12_345).toString(36).slice(-6);
    return `k${key},s ${key},/${key},${i % 17},${(i % 997) / 100}\n`;
  });
}

/** Writes the file once (later runs measure the same bytes), in 1 MB writes. */
async function ensureCsv(
  path: string,
  header: string,
  rows: number,
  line: (index: number) => string,
): Promise<{ path: string; bytes: number }> {
  if (existsSync(path)) return { path, bytes: statSync(path).size };
  mkdirSync(dirname(path), { recursive: true });
  const out = createWriteStream(path);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once("drain", resolve));
  await write(`${header}\n`);
  let buffer = "";
  for (let i = 0; i < rows; i++) {
    buffer += line(i);
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = "";
    }
  }
  await write(buffer);
  await new Promise<void>((resolve) => out.end(resolve));
  return { path, bytes: statSync(path).size };
}
