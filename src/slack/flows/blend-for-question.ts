import { literalSlackText } from "../../format/slack-text.js";
import type { StoredDataset, Workspace } from "../../store/index.js";
import { BlendError, type WorkspaceView } from "../../workspace-view/index.js";
import type { SlackDeps } from "../slack-deps.js";
import { channelView } from "./channel-view.js";

/** Words that ask about several platforms or exports at once. */
const ACROSS =
  /\b(?:blended|blend|combined|across (?:all )?(?:platforms|exports|files|channels)|all (?:platforms|exports|files)|(?:by|per) (?:platform|source file)|platforms|source files?)\b/i;
const PLATFORM_NAMES = [
  /\bgoogle\b/i,
  /\b(?:meta|facebook|instagram)\b/i,
  /\btiktok\b/i,
  /\blinkedin\b/i,
  /\b(?:microsoft|bing)\b/i,
  /\bga4\b/i,
];

/**
 * The channel's exports blended, when a question asks across platforms or files ("blended ROAS across
 * google and meta", "CPA by platform") and the dataset's channel holds more than one export; else null,
 * and the thread's own dataset answers. Exports that cannot be blended (two currencies) leave the
 * question to the thread's dataset too.
 */
export async function blendForQuestion(
  deps: SlackDeps,
  question: string,
  stored: StoredDataset,
  workspace: Workspace,
): Promise<WorkspaceView | null> {
  const named = PLATFORM_NAMES.filter((pattern) => pattern.test(question)).length;
  if (!ACROSS.test(question) && named < 2) return null;
  try {
    const view = await channelView(deps, { channel: stored.record.channel, workspace });
    return view && view.sources.length > 1 ? view : null;
  } catch (error) {
    if (error instanceof BlendError) return null;
    throw error;
  }
}

/** The answer's note with the blend's notes after it, escaped: they name files. */
export function blendNote(note: string | undefined, notes: readonly string[]): string | undefined {
  const said = notes.map((text) => literalSlackText(text)).join(" · ");
  const parts = [note, said === "" ? undefined : `About this blend: ${said}`].filter(Boolean);
  return parts.length > 0 ? parts.join("\n") : undefined;
}
