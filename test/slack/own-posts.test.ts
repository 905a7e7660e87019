import { describe, expect, it } from "vitest";
import { isOwnPost } from "../../src/slack/own-posts.js";

const APP = "A0MPO";

function envelope(event: Record<string, unknown>): Record<string, unknown> {
  return { type: "event_callback", api_app_id: APP, event_id: "Ev1", event };
}

describe("the app's own posts are not stored as jobs", () => {
  it("recognises this app's messages, file shares, edits and deletions", () => {
    const ours = { bot_id: "B1", app_id: APP };
    expect(isOwnPost(envelope({ type: "message", text: "ROAS is 3.1x", ...ours }))).toBe(true);
    expect(isOwnPost(envelope({ type: "message", subtype: "file_share", ...ours }))).toBe(true);
    expect(isOwnPost(envelope({ type: "message", subtype: "message_changed", message: ours }))).toBe(true);
    expect(isOwnPost(envelope({ type: "message", subtype: "message_deleted", previous_message: ours }))).toBe(
      true,
    );
  });

  it("keeps people's messages, other apps' messages and every other event", () => {
    expect(isOwnPost(envelope({ type: "message", user: "U1", text: "roas?" }))).toBe(false);
    expect(isOwnPost(envelope({ type: "message", subtype: "file_share", user: "U1" }))).toBe(false);
    expect(isOwnPost(envelope({ type: "message", bot_id: "B9", app_id: "A0OTHER", text: "hi" }))).toBe(false);
    expect(
      isOwnPost(envelope({ type: "message", subtype: "message_changed", message: { user: "U1" } })),
    ).toBe(false);
    expect(isOwnPost(envelope({ type: "app_mention", bot_id: "B1", app_id: APP }))).toBe(false);
    expect(isOwnPost({ type: "event_callback", event: { type: "message", bot_id: "B1", app_id: APP } })).toBe(
      false,
    );
  });
});
