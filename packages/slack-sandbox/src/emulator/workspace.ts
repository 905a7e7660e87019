import type { EmulatorConfig } from "./config.js";
import type { EventPublisher } from "./events/event-publisher.js";
import type { IdFactory } from "./ids.js";
import type { ResponseUrlRegistry } from "./response-urls.js";
import type { WorkspaceStore } from "./store/workspace-store.js";
import type { TriggerRegistry } from "./triggers.js";

/** The emulator's shared parts, handed to Web API methods and user actions alike. */
export interface Workspace {
  store: WorkspaceStore;
  config: EmulatorConfig;
  ids: IdFactory;
  publisher: EventPublisher;
  triggers: TriggerRegistry;
  responseUrls: ResponseUrlRegistry;
}
