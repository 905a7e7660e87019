import type { AppDelivery } from "../delivery/app-delivery.js";
import { messageShape } from "../shapes/message-shape.js";
import { viewShape } from "../shapes/view-shape.js";
import type { DeliveryOutcome } from "../store/model.js";
import type { Workspace } from "../workspace.js";
import { requireMember, requireUser } from "./directory.js";

interface FoundElement {
  blockId: string;
  element: Record<string, unknown>;
}

/** The interactive element with this `action_id`: in an actions block or as a section accessory. */
function findElement(blocks: unknown[] | undefined, actionId: string): FoundElement | undefined {
  for (const block of blocks ?? []) {
    const { block_id, elements, accessory } = block as {
      block_id?: string;
      elements?: Record<string, unknown>[];
      accessory?: Record<string, unknown>;
    };
    for (const element of [...(elements ?? []), ...(accessory ? [accessory] : [])]) {
      if (element.action_id === actionId) return { blockId: block_id ?? "", element };
    }
  }
  return undefined;
}

function actionOf(found: FoundElement, value: string | undefined, actionTs: string): Record<string, unknown> {
  const action: Record<string, unknown> = {
    action_id: found.element.action_id,
    block_id: found.blockId,
    type: found.element.type ?? "button",
    action_ts: actionTs,
  };
  if (found.element.text !== undefined) action.text = found.element.text;
  const actionValue = value ?? found.element.value;
  if (actionValue !== undefined) action.value = actionValue;
  if (found.element.style !== undefined) action.style = found.element.style;
  return action;
}

export interface InteractionResult {
  triggerId: string;
  responseUrl?: string;
  outcome?: DeliveryOutcome;
  status?: number;
}

async function send(
  delivery: AppDelivery,
  payload: Record<string, unknown>,
  triggerId: string,
): Promise<InteractionResult> {
  const form = new URLSearchParams({ payload: JSON.stringify(payload) });
  const result = await delivery.sendForm("interaction", "block_actions", triggerId, form);
  const responseUrl = typeof payload.response_url === "string" ? payload.response_url : undefined;
  return { triggerId, responseUrl, outcome: result.sent ? result.outcome : undefined, status: result.status };
}

function basePayload(ws: Workspace, userId: string, triggerId: string): Record<string, unknown> {
  const user = requireUser(ws, userId);
  return {
    type: "block_actions",
    user: { id: user.id, username: user.name, name: user.name, team_id: ws.store.team.id },
    api_app_id: ws.config.appId,
    token: ws.config.verificationToken,
    trigger_id: triggerId,
    team: { id: ws.store.team.id, domain: ws.store.team.domain },
    enterprise: null,
    is_enterprise_install: false,
  };
}

export interface ClickButtonInput {
  user: string;
  channel: string;
  /** The message (or ephemeral message) holding the button. */
  ts: string;
  actionId: string;
  /** Overrides the element's own value (select menus and the like). */
  value?: string;
}

/** Clicks an interactive element in a message, sending Slack's `block_actions` payload. */
export async function clickButton(
  ws: Workspace,
  delivery: AppDelivery,
  input: ClickButtonInput,
): Promise<InteractionResult> {
  const channel = requireMember(ws, input.channel, input.user);
  const message = ws.store.message(channel.id, input.ts);
  const ephemeral = message
    ? undefined
    : ws.store.ephemerals.find(
        (e) => e.channel === channel.id && e.ts === input.ts && e.user === input.user && !e.deleted,
      );
  const blocks = message?.blocks ?? ephemeral?.blocks;
  if (!message && !ephemeral) throw new Error(`no message ${input.ts} in ${channel.id}`);
  const found = findElement(blocks, input.actionId);
  if (!found) throw new Error(`no element with action_id ${input.actionId} in message ${input.ts}`);
  const threadTs = message?.threadTs ?? ephemeral?.threadTs;
  const triggerId = ws.triggers.issue(input.user);
  const path = ws.responseUrls.issue("actions", ws.store.team.id, {
    channel: channel.id,
    user: input.user,
    messageTs: input.ts,
    messageIsEphemeral: ephemeral !== undefined,
    threadTs,
  });
  const payload: Record<string, unknown> = {
    ...basePayload(ws, input.user, triggerId),
    container: {
      type: "message",
      message_ts: input.ts,
      channel_id: channel.id,
      is_ephemeral: ephemeral !== undefined,
      ...(threadTs ? { thread_ts: threadTs } : {}),
    },
    channel: { id: channel.id, name: channel.kind === "im" ? "directmessage" : channel.name },
    ...(message ? { message: messageShape(ws.store, ws.config, message, { includeMetadata: false }) } : {}),
    state: { values: {} },
    response_url: `${ws.config.baseUrl}${path}`,
    actions: [actionOf(found, input.value, ws.ids.ts())],
  };
  return send(delivery, payload, triggerId);
}

export interface ClickHomeButtonInput {
  user: string;
  actionId: string;
  value?: string;
}

/** Clicks an interactive element in the user's App Home tab. */
export async function clickHomeButton(
  ws: Workspace,
  delivery: AppDelivery,
  input: ClickHomeButtonInput,
): Promise<InteractionResult> {
  const view = ws.store.homeViews.get(input.user);
  if (!view) throw new Error(`no Home tab published for ${input.user}`);
  const found = findElement(view.blocks, input.actionId);
  if (!found) throw new Error(`no element with action_id ${input.actionId} in the Home tab`);
  const triggerId = ws.triggers.issue(input.user);
  const payload: Record<string, unknown> = {
    ...basePayload(ws, input.user, triggerId),
    container: { type: "view", view_id: view.id },
    view: viewShape(view, ws.store.team.id, ws.config),
    state: { values: {} },
    actions: [actionOf(found, input.value, ws.ids.ts())],
  };
  return send(delivery, payload, triggerId);
}
