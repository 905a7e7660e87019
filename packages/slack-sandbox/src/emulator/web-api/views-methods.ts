import { viewShape } from "../shapes/view-shape.js";
import type { View } from "../store/model.js";
import type { Workspace } from "../workspace.js";
import { optionalArray, optionalObject, optionalString, requiredString } from "./args.js";
import { validBlocks } from "./message-content.js";
import { type MethodHandler, SlackApiError } from "./method.js";

function readView(ws: Workspace, raw: Record<string, unknown> | undefined, type: string, user: string): View {
  if (!raw) throw new SlackApiError("invalid_arguments", "[ERROR] missing required field: view");
  if (raw.type !== type) throw new SlackApiError("invalid_arguments", `[ERROR] view type must be ${type}`);
  const blocks = validBlocks(optionalArray(raw, "blocks") ?? []);
  const id = ws.ids.view();
  return {
    id,
    type,
    user,
    hash: `${Math.floor(Date.now() / 1000)}.${ws.ids.secret(8)}`,
    blocks,
    callbackId: optionalString(raw, "callback_id"),
    privateMetadata: optionalString(raw, "private_metadata"),
    externalId: optionalString(raw, "external_id"),
    title: raw.title,
    submit: raw.submit,
    close: raw.close,
    rootViewId: id,
    previousViewId: null,
    at: Date.now(),
  };
}

const viewsPublish: MethodHandler = (ws, args) => {
  const user = requiredString(args, "user_id");
  if (!ws.store.users.has(user)) throw new SlackApiError("invalid_arguments", "invalid `user_id`");
  const view = readView(ws, optionalObject(args, "view"), "home", user);
  const current = ws.store.homeViews.get(user);
  const hash = optionalString(args, "hash");
  if (hash !== undefined && current && current.hash !== hash) throw new SlackApiError("hash_conflict");
  // The Home tab keeps its view id across publishes.
  if (current) {
    view.id = current.id;
    view.rootViewId = current.id;
  }
  ws.store.putHomeView(view);
  return { view: viewShape(view, ws.store.team.id, ws.config) };
};

const viewsOpen: MethodHandler = (ws, args) => {
  const trigger = ws.triggers.consume(requiredString(args, "trigger_id"));
  if (!trigger.ok) throw new SlackApiError(trigger.error);
  const view = readView(ws, optionalObject(args, "view"), "modal", trigger.user);
  ws.store.addModal(view);
  return { view: viewShape(view, ws.store.team.id, ws.config) };
};

export const viewsMethods: Record<string, MethodHandler> = {
  "views.publish": viewsPublish,
  "views.open": viewsOpen,
};
