import type { KnownBlock } from "@slack/types";
import { describeTarget, type TargetRecord } from "../../targets/index.js";

/** The report's "Targets" section: each target of the channel and its pacing line on the report's data. */
export function targetBlocks(
  targets: readonly TargetRecord[],
  pacing: readonly string[],
  currency: string | null,
): KnownBlock[] {
  if (targets.length === 0) return [];
  const lines = targets.map((target, index) => `• *${describeTarget(target, currency)}* — ${pacing[index]}`);
  return [
    { type: "section", text: { type: "mrkdwn", text: ["*Targets*", ...lines].join("\n"), verbatim: true } },
  ];
}
