import { postMessage } from "../message-posting.js";
import type { ResponseTarget } from "../response-urls.js";
import type { EphemeralSource } from "../store/model.js";
import { optionalArray, optionalBoolean, optionalString } from "../web-api/args.js";
import { SlackApiError } from "../web-api/method.js";
import type { Workspace } from "../workspace.js";

/**
 * What Slack does with a message sent to a `response_url` (or returned in a slash command's
 * acknowledgement): replace or delete the source message, post in the channel, or — by default —
 * show it only to the person who acted.
 */
export function applyResponse(
  ws: Workspace,
  target: ResponseTarget,
  payload: Record<string, unknown>,
  source: EphemeralSource,
): void {
  const text = optionalString(payload, "text");
  const blocks = optionalArray(payload, "blocks", "invalid_blocks");
  if (optionalBoolean(payload, "delete_original")) {
    deleteOriginal(ws, target);
    return;
  }
  if (text === undefined && blocks === undefined) throw new SlackApiError("no_text");
  if (optionalBoolean(payload, "replace_original")) {
    replaceOriginal(ws, target, text ?? "", blocks);
    return;
  }
  const threadTs = optionalString(payload, "thread_ts") ?? target.threadTs;
  const channel = ws.store.channels.get(target.channel);
  if (!channel) throw new SlackApiError("channel_not_found");
  if (optionalString(payload, "response_type") === "in_channel") {
    postMessage(ws, channel, {
      user: ws.config.botUserId,
      botId: ws.config.botId,
      text: text ?? "",
      blocks,
      threadTs,
    });
    return;
  }
  ws.store.addEphemeral({
    channel: channel.id,
    user: target.user,
    ts: ws.ids.ts(),
    threadTs,
    text: text ?? "",
    blocks,
    source,
    deleted: false,
  });
}

function deleteOriginal(ws: Workspace, target: ResponseTarget): void {
  if (!target.messageTs) throw new SlackApiError("message_not_found");
  if (target.messageIsEphemeral) {
    const ephemeral = ws.store.ephemerals.find(
      (e) => e.channel === target.channel && e.ts === target.messageTs,
    );
    if (!ephemeral) throw new SlackApiError("message_not_found");
    ephemeral.deleted = true;
    ws.store.ephemeralChanged(ephemeral, "deleted");
    return;
  }
  const message = ws.store.message(target.channel, target.messageTs);
  if (!message) throw new SlackApiError("message_not_found");
  ws.store.deleteMessage(message);
}

function replaceOriginal(
  ws: Workspace,
  target: ResponseTarget,
  text: string,
  blocks: unknown[] | undefined,
): void {
  if (!target.messageTs) throw new SlackApiError("message_not_found");
  if (target.messageIsEphemeral) {
    const ephemeral = ws.store.ephemerals.find(
      (e) => e.channel === target.channel && e.ts === target.messageTs,
    );
    if (!ephemeral) throw new SlackApiError("message_not_found");
    ephemeral.text = text;
    ephemeral.blocks = blocks;
    ws.store.ephemeralChanged(ephemeral, "changed");
    return;
  }
  const message = ws.store.message(target.channel, target.messageTs);
  if (!message) throw new SlackApiError("message_not_found");
  message.text = text;
  message.blocks = blocks;
  message.edited = { user: ws.config.botUserId, ts: ws.ids.ts() };
  ws.store.messageChanged(message);
}

/** A slash command's acknowledgement body: empty, plain text, or a JSON message. */
export function applyAcknowledgement(ws: Workspace, target: ResponseTarget, body: string): void {
  const trimmed = body.trim();
  if (trimmed === "") return;
  let payload: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    payload =
      typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : { text: trimmed };
  } catch {
    payload = { text: trimmed };
  }
  if (payload.text === undefined && payload.blocks === undefined) return;
  applyResponse(ws, target, payload, "command_response");
}
