import type { webApi } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log/logger.js";
import { ConversationMembership } from "../../src/slack/flows/conversation-membership.js";

const WORKSPACE = { team: "T1", enterprise: null };

/** A WebClient whose users.conversations answers from pages, or fails, counting its calls. */
function fakeClient(pages: string[][] | Error) {
  const calls: Array<Record<string, unknown>> = [];
  const client = {
    users: {
      conversations: async (args: Record<string, unknown>) => {
        calls.push(args);
        if (pages instanceof Error) throw pages;
        const index = Number(args.cursor ?? 0);
        return {
          ok: true,
          channels: (pages[index] ?? []).map((id) => ({ id })),
          response_metadata: { next_cursor: index + 1 < pages.length ? String(index + 1) : "" },
        };
      },
    },
  };
  return { client: client as unknown as webApi.WebClient, calls };
}

describe("which conversations a person belongs to", () => {
  it("asks Slack for every page of the person's conversations, of every type", async () => {
    const { client, calls } = fakeClient([["C1", "G2"], ["D3"]]);
    const channels = await new ConversationMembership().channelsOf(client, WORKSPACE, "U1", silentLogger);
    expect([...channels]).toEqual(["C1", "G2", "D3"]);
    expect(calls[0]).toMatchObject({ user: "U1", types: "public_channel,private_channel,mpim,im" });
    expect(calls).toHaveLength(2);
  });

  it("remembers the answer briefly, per workspace and person, then asks again", async () => {
    // A clock that reads 0 would mean "never set" to the cache: start it where a real one would be.
    let now = 1_000;
    const membership = new ConversationMembership(60_000, () => now);
    const { client, calls } = fakeClient([["C1"]]);
    await membership.channelsOf(client, WORKSPACE, "U1", silentLogger);
    await membership.channelsOf(client, WORKSPACE, "U1", silentLogger);
    expect(calls).toHaveLength(1);
    await membership.channelsOf(client, { team: "T2", enterprise: null }, "U1", silentLogger);
    await membership.channelsOf(client, WORKSPACE, "U2", silentLogger);
    expect(calls).toHaveLength(3);
    now = 61_000;
    await membership.channelsOf(client, WORKSPACE, "U1", silentLogger);
    expect(calls).toHaveLength(3);
    now = 61_001;
    await membership.channelsOf(client, WORKSPACE, "U1", silentLogger);
    expect(calls).toHaveLength(4);
  });

  it("counts the person in nothing when Slack cannot say, and does not remember that", async () => {
    const membership = new ConversationMembership();
    const failing = fakeClient(new Error("missing_scope"));
    expect((await membership.channelsOf(failing.client, WORKSPACE, "U1", silentLogger)).size).toBe(0);
    const working = fakeClient([["C1"]]);
    expect([...(await membership.channelsOf(working.client, WORKSPACE, "U1", silentLogger))]).toEqual(["C1"]);
  });
});
