interface PostedMessage {
  bot_id?: string;
  app_id?: string;
}

interface MessageEvent extends PostedMessage {
  type?: string;
  subtype?: string;
  message?: PostedMessage;
  previous_message?: PostedMessage;
}

/**
 * An Events API envelope that only tells the app about its own post: a message (or file share) this app's
 * bot sent, or the edit or deletion of one. Bolt's built-in ignoreSelf drops the first, and no listener acts on the
 * second (message listeners skip every subtype but file_share), so storing them as jobs would only double
 * the writes of each answer. Another app's messages are kept: a listener may want them.
 */
export function isOwnPost(body: Record<string, unknown>): boolean {
  const appId = body.api_app_id;
  const event = body.event as MessageEvent | undefined;
  if (typeof appId !== "string" || event?.type !== "message") return false;
  const ours = (message: PostedMessage | undefined) =>
    message?.bot_id !== undefined && message.app_id === appId;
  if (event.subtype === "message_changed" || event.subtype === "message_deleted") {
    return ours(event.message ?? event.previous_message);
  }
  return ours(event);
}
