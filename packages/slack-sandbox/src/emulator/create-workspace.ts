import type { EmulatorConfig } from "./config.js";
import { AppDelivery } from "./delivery/app-delivery.js";
import { EventPublisher } from "./events/event-publisher.js";
import type { IdFactory } from "./ids.js";
import { ResponseUrlRegistry } from "./response-urls.js";
import { type Team, WorkspaceStore } from "./store/workspace-store.js";
import { TriggerRegistry } from "./triggers.js";
import type { Workspace } from "./workspace.js";

/** One workspace the app may be installed in, and the queue of what is sent to the app from it. */
export interface WorkspaceEntry {
  ws: Workspace;
  delivery: AppDelivery;
}

/**
 * A workspace with the app's bot user in it. `config` is this workspace's own copy of the app's settings
 * (its bot token and bot user differ from one workspace to the next, as on Slack).
 */
export function createWorkspace(team: Team, config: EmulatorConfig, ids: IdFactory): WorkspaceEntry {
  const store = new WorkspaceStore(team);
  store.addUser({
    id: config.botUserId,
    name: config.botName,
    realName: config.botName,
    isBot: true,
    isAdmin: false,
    tz: "Etc/UTC",
    tzOffset: 0,
  });
  const delivery = new AppDelivery(store, config);
  const ws: Workspace = {
    store,
    config,
    ids,
    publisher: new EventPublisher(store, config, ids, delivery),
    triggers: new TriggerRegistry(ids, config.triggerTtlMs),
    responseUrls: new ResponseUrlRegistry(ids),
  };
  return { ws, delivery };
}
