import { channelLink, codeSpan, escapeSlackText, formattedText, mrkdwn } from "../format/slack-text.js";
import type { Store, Workspace } from "../store/index.js";
import { type TargetStore, withTargetThreshold } from "../targets/index.js";
import { parseRule, RULE_FORMS, RuleSyntaxError } from "./parse-rule.js";
import { ruleCurrency } from "./rule-currency.js";
import { describeRule, ruleDefinition } from "./rule-text.js";

export interface AlertCommandContext {
  store: Store;
  /** Where the command was typed. */
  channel: string;
  user: string;
  /** The workspace the command came from; its rules are stored under it. */
  workspace?: Workspace;
  /** ALERT_CHANNEL: where rules typed in a direct message post their alerts. */
  alertChannel?: string;
  /** The channel's targets, for rules that compare with one (`cpa > target`). */
  targets?: TargetStore;
  /** Called after a rule is added, e.g. to evaluate the live data against it at once. */
  onRulesChanged?: () => void;
}

export interface AlertCommandReply {
  /** Shown only to the person who typed the command. */
  text: string;
}

// `<` and `>` open a link in mrkdwn, even between backticks: `roas < 2 … >` would show as one.
const FORMS = RULE_FORMS.map(escapeSlackText);
const listOfForms = (bullet: string) => FORMS.map((form) => `${bullet}${form}`).join("\n");

const HELP = [
  "*Alerts* watch the live data your automation tools send and post here when a rule fires.",
  "• `/alert add &lt;rule&gt;` — for example:",
  // Nested under "/alert add" as a list of its own, so Slack keeps the indentation.
  listOfForms("    ◦ "),
  "• `/alert list` — the rules of this channel",
  "• `/alert remove &lt;number&gt;` — stop a rule",
].join("\n");

/**
 * `/alert add|list|remove|help` as plain logic: the Slack listener passes the command's text and replies
 * ephemerally with the answer. Rules belong to the channel they are typed in; in a direct message they go
 * to ALERT_CHANNEL when it is set.
 */
export async function handleAlertCommand(
  text: string,
  context: AlertCommandContext,
): Promise<AlertCommandReply> {
  const trimmed = text.trim();
  const [verb = "", ...rest] = trimmed.split(/\s+/);
  const argument = trimmed.slice(verb.length).trim();
  const target = targetChannel(context);
  switch (verb.toLowerCase()) {
    case "":
    case "help":
      return { text: HELP };
    case "add":
      return addRule(argument, target, context);
    case "list":
      return listRules(target, context);
    case "remove":
    case "delete":
      return removeRule(rest[0], target, context);
    default:
      return { text: `${mrkdwn`I don't know ${codeSpan(`/alert ${verb}`)}.`}\n\n${HELP}` };
  }
}

function targetChannel(context: AlertCommandContext): string {
  const isDirectMessage = context.channel.startsWith("D");
  return isDirectMessage && context.alertChannel ? context.alertChannel : context.channel;
}

async function addRule(
  argument: string,
  channel: string,
  context: AlertCommandContext,
): Promise<AlertCommandReply> {
  if (argument === "") return { text: `Which rule? For example:\n${listOfForms("• ")}` };
  const targets = context.targets ? await context.targets.list(channel, context.workspace) : [];
  // The rule, and the target it was given, read in the currency its alerts will be written in.
  const currency = await ruleCurrency(context.store, channel, context.workspace);
  const withTarget = withTargetThreshold(argument, targets, currency);
  if (withTarget.kind === "missing")
    return { text: mrkdwn`I could not add that rule: ${formattedText(withTarget.message)}.` };
  const text = withTarget.kind === "resolved" ? withTarget.rule : argument;
  try {
    const rule = parseRule(text);
    const record = await context.store.addAlertRule({
      team: context.workspace?.team ?? null,
      enterprise: context.workspace?.enterprise ?? null,
      channel,
      definition: ruleDefinition(rule),
      createdBy: context.user,
    });
    context.onRulesChanged?.();
    return {
      text: mrkdwn`Added rule ${record.id}: ${describeRule(rule, currency)}${withTarget.kind === "resolved" ? ` (${withTarget.note})` : ""}. Alerts go to ${channelLink(channel)}; the live data is checked as it arrives. \`/alert remove ${record.id}\` stops it.`,
    };
  } catch (error) {
    if (!(error instanceof RuleSyntaxError)) throw error;
    return {
      text: `${mrkdwn`I could not read that rule: ${formattedText(error.message)}.`}\nRules I understand:\n${listOfForms("• ")}`,
    };
  }
}

async function listRules(channel: string, context: AlertCommandContext): Promise<AlertCommandReply> {
  const rules = await context.store.listAlertRules(channel, context.workspace);
  if (rules.length === 0)
    return {
      text: `No alert rules in <#${channel}> yet. Add one with \`/alert add roas &lt; 2 window 24h\`.`,
    };
  const currency = await ruleCurrency(context.store, channel, context.workspace);
  const lines = rules.map((record) => {
    try {
      return mrkdwn`• *${record.id}* ${codeSpan(record.definition)} — ${describeRule(parseRule(record.definition), currency)}`;
    } catch {
      return mrkdwn`• *${record.id}* ${codeSpan(record.definition)}`;
    }
  });
  return { text: [`Alert rules in <#${channel}>:`, ...lines].join("\n") };
}

async function removeRule(
  argument: string | undefined,
  channel: string,
  context: AlertCommandContext,
): Promise<AlertCommandReply> {
  const id = Number(argument?.replace(/^#/, ""));
  if (!Number.isInteger(id) || id <= 0)
    return { text: "Which rule? `/alert remove &lt;number&gt;`; `/alert list` shows the numbers." };
  if (!(await context.store.removeAlertRule(id, channel, context.workspace))) {
    return { text: `There is no rule ${id} in <#${channel}>; \`/alert list\` shows the rules here.` };
  }
  return { text: `Removed rule ${id}. Its alerts stay in the channel's history.` };
}
