import type { KnownBlock } from "@slack/types";
import type { FactTable } from "../../ingest/index.js";
import type { Workspace } from "../../store/index.js";
import { describeTarget, pacingLine } from "../../targets/index.js";
import type { SlackDeps } from "../slack-deps.js";

/** The report's "Targets" section: each target of the channel and how it paces on the report's data. */
export async function targetBlocks(
  deps: SlackDeps,
  place: { channel: string; workspace: Workspace },
  data: { facts: FactTable; currency: string | null },
): Promise<KnownBlock[]> {
  const targets = await deps.targets.list(place.channel, place.workspace);
  if (targets.length === 0) return [];
  const lines = targets.map(
    (target) => `• *${describeTarget(target, data.currency)}* — ${pacingLine(target, data)}`,
  );
  return [
    { type: "section", text: { type: "mrkdwn", text: ["*Targets*", ...lines].join("\n"), verbatim: true } },
  ];
}
