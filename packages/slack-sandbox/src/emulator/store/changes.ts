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

/** One change to the transcript, as published to subscribers (tests, the sandbox UI). */
export type TranscriptChange =
  | { type: "user"; user: User }
  | { type: "channel"; channel: Channel }
  | { type: "message"; action: "added" | "changed" | "deleted"; message: Message }
  | { type: "ephemeral"; action: "added" | "changed" | "deleted"; message: EphemeralMessage }
  | { type: "file"; file: Omit<StoredFile, "bytes"> }
  | { type: "status"; status: AssistantStatus }
  | { type: "prompts"; prompts: SuggestedPrompts }
  | { type: "title"; title: ThreadTitle }
  | { type: "view"; view: View }
  | { type: "event"; event: PublishedEvent }
  | { type: "delivery"; attempt: DeliveryAttempt }
  | { type: "api_call"; call: ApiCall }
  | { type: "file_access"; access: FileAccess };

export type ChangeListener = (change: TranscriptChange) => void;
