import type { Context } from "@slack/bolt";
import type { Workspace } from "../../store/index.js";

/** The workspace an event came from, as Bolt read it from the request. */
export function workspaceOf(context: Context): Workspace {
  return { team: context.teamId ?? null, enterprise: context.enterpriseId ?? null };
}
