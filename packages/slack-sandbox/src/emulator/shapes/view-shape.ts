import type { EmulatorConfig } from "../config.js";
import type { View } from "../store/model.js";

/** A view object as `views.publish`/`views.open` return it and `app_home_opened` carries it. */
export function viewShape(view: View, teamId: string, config: EmulatorConfig): Record<string, unknown> {
  return {
    id: view.id,
    team_id: teamId,
    type: view.type,
    title: view.title ?? null,
    close: view.close ?? null,
    submit: view.submit ?? null,
    blocks: view.blocks,
    private_metadata: view.privateMetadata ?? "",
    callback_id: view.callbackId ?? "",
    state: { values: {} },
    hash: view.hash,
    clear_on_close: false,
    notify_on_close: false,
    root_view_id: view.rootViewId,
    previous_view_id: view.previousViewId,
    app_id: config.appId,
    external_id: view.externalId ?? "",
    app_installed_team_id: teamId,
    bot_id: config.botId,
  };
}
