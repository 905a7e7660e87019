import { createWriteStream, existsSync, mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";

/**
 * The benchmark file of issue 2: 1,000,000 rows, about 60 MB, of a generic export (date, campaign of 200,
 * channel of 6, impressions, clicks, spend, conversions, revenue). Deterministic, so every run measures
 * the same bytes.
 */
export async function ensureBigCsv(path: string, rows = 1_000_000): Promise<{ path: string; bytes: number }> {
  if (existsSync(path)) return { path, bytes: statSync(path).size };
  mkdirSync(dirname(path), { recursive: true });
  const channels = ["google_ads", "meta_ads", "tiktok_ads", "linkedin_ads", "microsoft_ads", "email"];
  const campaigns = Array.from({ length: 200 }, (_, i) => `Campaign ${String(i + 1).padStart(3, "0")}`);
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const out = createWriteStream(path);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once("drain", resolve));
  await write("date,campaign,channel,impressions,clicks,spend,conversions,revenue\n");
  const start = Date.UTC(2025, 0, 1);
  let buffer = "";
  for (let i = 0; i < rows; i++) {
    const date = new Date(start + Math.floor((i / rows) * 365) * 86_400_000).toISOString().slice(0, 10);
    const impressions = 100 + Math.floor(random() * 5000);
    const clicks = Math.floor(impressions * random() * 0.05);
    const spend = (clicks * (0.2 + random() * 2)).toFixed(2);
    const conversions = Math.floor(clicks * random() * 0.1);
    const revenue = (conversions * (20 + random() * 80)).toFixed(2);
    buffer += `${date},${campaigns[i % 200]},${channels[i % 6]},${impressions},${clicks},${spend},${conversions},${revenue}\n`;
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = "";
    }
  }
  await write(buffer);
  await new Promise<void>((resolve) => out.end(resolve));
  return { path, bytes: statSync(path).size };
}
