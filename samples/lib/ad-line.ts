import { weekdayFactor } from "./calendar.js";
import type { Random } from "./random.js";

/**
 * One thing that spends money every day (a campaign, or a Meta ad set) and how it usually performs. Its
 * daily figures come from these rates with weekday rhythm and noise, so every KPI a reader computes from
 * a sample is internally consistent (CTR from clicks and impressions, ROAS from revenue and spend).
 */
export interface AdLine {
  name: string;
  dailySpend: number;
  /** Cost per thousand impressions. */
  cpm: number;
  ctr: number;
  /** Conversions per click. */
  cvr: number;
  /** Revenue per conversion. */
  aov: number;
  /** Days when something happened (a tracking outage, a promotion): rates are multiplied. */
  events?: LineEvent[];
}

export interface LineEvent {
  from: string;
  to: string;
  spend?: number;
  cvr?: number;
  ctr?: number;
}

export interface DailyFigures {
  day: string;
  spend: number;
  impressions: number;
  clicks: number;
  conversions: number;
  revenue: number;
}

function eventOn(line: AdLine, day: string): LineEvent | undefined {
  return line.events?.find((event) => day >= event.from && day <= event.to);
}

export function dailyFigures(line: AdLine, day: string, random: Random): DailyFigures {
  const event = eventOn(line, day);
  const traffic = weekdayFactor(day);
  const spend = round(line.dailySpend * traffic * (event?.spend ?? 1) * random.wobble(0.08), 2);
  const impressions = Math.max(1, Math.round(((spend / line.cpm) * 1000) / random.wobble(0.06)));
  const clicks = Math.min(impressions, random.binomial(impressions, line.ctr * (event?.ctr ?? 1)));
  const conversions = random.binomial(clicks, Math.min(1, line.cvr * (event?.cvr ?? 1) * traffic));
  const revenue = conversions === 0 ? 0 : round(conversions * line.aov * random.wobble(0.12), 2);
  return { day, spend, impressions, clicks, conversions, revenue };
}

export function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

export function sumFigures(rows: readonly DailyFigures[]): Omit<DailyFigures, "day"> {
  const total = { spend: 0, impressions: 0, clicks: 0, conversions: 0, revenue: 0 };
  for (const row of rows) {
    total.spend += row.spend;
    total.impressions += row.impressions;
    total.clicks += row.clicks;
    total.conversions += row.conversions;
    total.revenue += row.revenue;
  }
  return { ...total, spend: round(total.spend, 2), revenue: round(total.revenue, 2) };
}
