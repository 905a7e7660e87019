import type { EmulatorConfig } from "../config.js";
import type {
  ApiCall,
  AssistantStatus,
  Channel,
  DeliveryAttempt,
  EphemeralMessage,
  FileAccess,
  Message,
  PublishedEvent,
  StoredFile,
  SuggestedPrompts,
  ThreadTitle,
  User,
  View,
} from "./model.js";
import type { Team, WorkspaceStore } from "./workspace-store.js";

/** Everything that happened in the workspace. Objects are live: read them, do not change them. */
export interface Transcript {
  team: Team;
  bot: { userId: string; botId: string; appId: string; name: string };
  users: User[];
  channels: Channel[];
  /** Every message in posting order, deleted ones included (`deleted: true`). */
  messages: Message[];
  ephemerals: EphemeralMessage[];
  files: StoredFile[];
  statuses: AssistantStatus[];
  prompts: SuggestedPrompts[];
  titles: ThreadTitle[];
  homeViews: View[];
  modals: View[];
  events: PublishedEvent[];
  deliveries: DeliveryAttempt[];
  apiCalls: ApiCall[];
  fileAccesses: FileAccess[];
}

export function transcriptOf(store: WorkspaceStore, config: EmulatorConfig): Transcript {
  return {
    team: store.team,
    bot: { userId: config.botUserId, botId: config.botId, appId: config.appId, name: config.botName },
    users: [...store.users.values()],
    channels: [...store.channels.values()],
    messages: [...store.allMessages()],
    ephemerals: [...store.ephemerals],
    files: [...store.files.values()],
    statuses: [...store.statuses],
    prompts: [...store.prompts],
    titles: [...store.titles],
    homeViews: [...store.homeViews.values()],
    modals: [...store.modals],
    events: [...store.events],
    deliveries: [...store.deliveries],
    apiCalls: [...store.apiCalls],
    fileAccesses: [...store.fileAccesses],
  };
}

/** The transcript as JSON: file bytes are replaced by their size and a URL serving them. */
export function transcriptJson(transcript: Transcript, baseUrl: string): Record<string, unknown> {
  return {
    ...transcript,
    files: transcript.files.map(({ bytes, ...file }) => ({
      ...file,
      size: bytes.length,
      contentUrl: `${baseUrl}/_emulator/files/${file.id}`,
    })),
  };
}
