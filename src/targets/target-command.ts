import { codeSpan, escapeSlackText, literalSlackText, mrkdwn } from "../format/slack-text.js";
import type { FactTable } from "../ingest/index.js";
import type { Workspace } from "../store/index.js";
import { PacingRefusal, pace } from "./pacing.js";
import { parseTarget, TARGET_FORMS, TargetSyntaxError } from "./parse-target.js";
import type { TargetRecord, TargetStore } from "./target.js";
import { describeTarget } from "./target-text.js";

/** The data targets are paced on: the channel's exports and live data, or null when it has none yet. */
export type TargetData = { facts: FactTable; currency: string | null; files: string } | null;

export interface TargetCommandContext {
  targets: TargetStore;
  channel: string;
  user: string;
  workspace?: Workspace;
  /** Loaded only when a reply shows pacing. */
  loadData: () => Promise<TargetData>;
}

const HELP = [
  "*Targets* are the budget and KPI goals of this channel; `/report` and answers show how each is pacing.",
  ...TARGET_FORMS.map((form) => `• \`/target set ${form}\``),
  "• `/target list` — this channel's targets and how they are pacing",
  "• `/target remove <number>` — drop a target",
].join("\n");

/**
 * `/target set|list|remove|help` as plain logic: the listener passes the text and replies ephemerally with
 * the result. Targets belong to the channel (and workspace) they are typed in.
 */
export async function handleTargetCommand(text: string, context: TargetCommandContext): Promise<string> {
  const trimmed = text.trim();
  const [verb = "", ...rest] = trimmed.split(/\s+/);
  const argument = trimmed.slice(verb.length).trim();
  switch (verb.toLowerCase()) {
    case "":
    case "help":
      return HELP;
    case "set":
    case "add":
      return setTarget(argument, context);
    case "list":
      return listTargets(context);
    case "remove":
    case "delete":
      return removeTarget(rest[0], context);
    default:
      return mrkdwn`I don't know ${codeSpan(`/target ${trimmed}`)}.\n${HELP}`;
  }
}

async function setTarget(text: string, context: TargetCommandContext): Promise<string> {
  let spec: ReturnType<typeof parseTarget>;
  try {
    spec = parseTarget(text);
  } catch (error) {
    if (error instanceof TargetSyntaxError) return `${escapeSlackText(error.message)}\n${HELP}`;
    throw error;
  }
  const record = await context.targets.set({
    ...spec,
    channel: context.channel,
    workspace: context.workspace,
    createdBy: context.user,
  });
  const data = await context.loadData();
  return [
    `✅ Target ${record.id} set: ${describeTarget(record, data?.currency ?? null)}`,
    pacingLine(record, data),
  ].join("\n");
}

async function listTargets(context: TargetCommandContext): Promise<string> {
  const records = await context.targets.list(context.channel, context.workspace);
  if (records.length === 0) return `This channel has no targets yet.\n${HELP}`;
  const data = await context.loadData();
  const lines = records.map(
    (record) =>
      `*${record.id}.* ${describeTarget(record, data?.currency ?? null)}\n    ${pacingLine(record, data)}`,
  );
  return ["*Targets of this channel*", ...lines].join("\n");
}

async function removeTarget(id: string | undefined, context: TargetCommandContext): Promise<string> {
  const number = Number(id);
  if (!id || !Number.isInteger(number) || number <= 0) {
    return "Give the number of the target to remove, as `/target list` shows it: `/target remove 2`";
  }
  const removed = await context.targets.remove(number, context.channel, context.workspace);
  return removed
    ? `Target ${number} removed.`
    : `This channel has no target ${number}: \`/target list\` shows the ones it has.`;
}

/** How a target paces on the channel's data, escaped: values come from files. */
export function pacingLine(
  target: TargetRecord,
  data: Pick<NonNullable<TargetData>, "facts" | "currency"> | null,
): string {
  if (!data) return "No data in this channel yet to pace it on: share an export here.";
  try {
    return literalSlackText(pace(data.facts, target, data.currency).text);
  } catch (error) {
    if (error instanceof PacingRefusal) return `Cannot pace it: ${literalSlackText(error.message)}`;
    throw error;
  }
}
