import type { AppDelivery } from "../delivery/app-delivery.js";
import type { DeliveryOutcome } from "../store/model.js";
import type { Workspace } from "../workspace.js";
import { requireMember } from "./directory.js";
import { applyAcknowledgement } from "./respond.js";

export interface SlashCommandInput {
  user: string;
  channel: string;
  /** With the slash, e.g. `/report`. */
  command: string;
  text?: string;
}

export interface SlashCommandResult {
  triggerId: string;
  responseUrl: string;
  /** Undefined when no request URL is set (nothing was sent). */
  outcome?: DeliveryOutcome;
  status?: number;
  /** The app's acknowledgement body, which Slack shows to the user. */
  responseBody?: string;
}

function channelName(ws: Workspace, channelId: string): string {
  const channel = ws.store.channels.get(channelId);
  if (!channel || channel.kind === "im") return "directmessage";
  return channel.name;
}

/**
 * Runs a slash command as a person: the form-encoded payload Slack POSTs, then what Slack does
 * with the answer (the acknowledgement body shown to the user, or an error if the app fails).
 */
export async function runSlashCommand(
  ws: Workspace,
  delivery: AppDelivery,
  input: SlashCommandInput,
): Promise<SlashCommandResult> {
  requireMember(ws, input.channel, input.user);
  const user = ws.store.users.get(input.user);
  const triggerId = ws.triggers.issue(input.user);
  const target = { channel: input.channel, user: input.user };
  const responseUrl = `${ws.config.baseUrl}${ws.responseUrls.issue("commands", ws.store.team.id, target)}`;
  const form = new URLSearchParams({
    token: ws.config.verificationToken,
    team_id: ws.store.team.id,
    team_domain: ws.store.team.domain,
    channel_id: input.channel,
    channel_name: channelName(ws, input.channel),
    user_id: input.user,
    user_name: user?.name ?? input.user,
    command: input.command,
    text: input.text ?? "",
    api_app_id: ws.config.appId,
    is_enterprise_install: "false",
    response_url: responseUrl,
    trigger_id: triggerId,
  });
  const result = await delivery.sendForm("command", input.command, triggerId, form);
  if (!result.sent) return { triggerId, responseUrl };
  if (result.outcome === "acked") {
    applyAcknowledgement(ws, target, result.body ?? "");
  } else {
    // What Slack shows the person when the app does not answer in time or answers with an error.
    const error = result.outcome === "http_timeout" ? "operation_timeout" : "dispatch_failed";
    ws.store.addEphemeral({
      channel: input.channel,
      user: input.user,
      ts: ws.ids.ts(),
      text: `${input.command} failed with the error "${error}"`,
      source: "slackbot",
      deleted: false,
    });
  }
  return {
    triggerId,
    responseUrl,
    outcome: result.outcome,
    status: result.status,
    responseBody: result.body,
  };
}
