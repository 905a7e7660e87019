import { assistantMethods } from "./assistant-methods.js";
import { authMethods } from "./auth-methods.js";
import { chatMethods } from "./chat-methods.js";
import { chatStreamMethods } from "./chat-stream-methods.js";
import { conversationsMethods } from "./conversations-methods.js";
import { filesMethods } from "./files-methods.js";
import type { MethodHandler } from "./method.js";
import { reactionsMethods } from "./reactions-methods.js";
import { usersMethods } from "./users-methods.js";
import { viewsMethods } from "./views-methods.js";

/** Every Web API method the emulator implements, by Slack's name. */
export const METHODS: ReadonlyMap<string, MethodHandler> = new Map(
  Object.entries({
    ...authMethods,
    ...chatMethods,
    ...chatStreamMethods,
    ...filesMethods,
    ...reactionsMethods,
    ...conversationsMethods,
    ...usersMethods,
    ...viewsMethods,
    ...assistantMethods,
  }),
);
