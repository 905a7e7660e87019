import type { EvalCase } from "../eval-case.js";
import { BLENDED_EXPORTS_CASES } from "./blended-exports.js";
import { DATES_AND_DAYS_CASES } from "./dates-and-days.js";
import { FRESH_PHRASING_CASES } from "./fresh-phrasing.js";
import { GOOGLE_ADS_CASES } from "./google-ads.js";
import { MARKETER_PHRASING_CASES } from "./marketer-phrasing.js";
import { META_LEADS_CASES } from "./meta-leads.js";
import { MULTI_CHANNEL_CASES } from "./multi-channel.js";
import { OPTIMIZER_CASES } from "./optimizer.js";
import { PERIOD_PHRASING_CASES } from "./period-phrasing.js";
import { REAL_EXPORT_CASES } from "./real-exports.js";
import { SEGMENTS_CASES } from "./segments.js";
import { SLACK_PHRASING_CASES } from "./slack-phrasing.js";

export const EVAL_CASES: readonly EvalCase[] = [
  ...MULTI_CHANNEL_CASES,
  ...BLENDED_EXPORTS_CASES,
  ...GOOGLE_ADS_CASES,
  ...META_LEADS_CASES,
  ...SEGMENTS_CASES,
  ...MARKETER_PHRASING_CASES,
  ...FRESH_PHRASING_CASES,
  ...REAL_EXPORT_CASES,
  ...OPTIMIZER_CASES,
  ...SLACK_PHRASING_CASES,
  ...DATES_AND_DAYS_CASES,
  ...PERIOD_PHRASING_CASES,
];
