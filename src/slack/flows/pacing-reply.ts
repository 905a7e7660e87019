import { literalSlackText } from "../../format/slack-text.js";
import type { Workspace } from "../../store/index.js";
import { asksAboutPacing, pacingAnswer } from "../../targets/index.js";
import type { SlackDeps } from "../slack-deps.js";
import { targetData } from "./channel-view.js";

/**
 * A pacing question ("are we on pace for our $20k monthly budget?", "how are our targets pacing?")
 * answered from the channel's targets and data, shown as written in Slack; null for any other question.
 */
export async function pacingReply(
  deps: SlackDeps,
  question: string,
  place: { channel: string; workspace: Workspace },
): Promise<string | null> {
  if (!asksAboutPacing(question)) return null;
  const data = await targetData(deps, place);
  if (!data) return null;
  const targets = await deps.targets.list(place.channel, place.workspace);
  const answer = pacingAnswer(question, data, targets);
  return answer === null ? null : literalSlackText(answer);
}
