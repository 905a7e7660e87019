import type { webApi } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log/logger.js";
import { SlackReaders } from "../../src/slack/flows/slack-readers.js";

const WORKSPACE = { team: "T1", enterprise: null };

/** A WebClient whose users.info answers with a person's locale and zone, or fails, counting its calls. */
function fakeClient(answer: { locale?: string; tz?: string } | Error) {
  const calls: Array<Record<string, unknown>> = [];
  const client = {
    users: {
      info: async (args: Record<string, unknown>) => {
        calls.push(args);
        if (answer instanceof Error) throw answer;
        return { ok: true, user: { id: args.user, ...answer } };
      },
    },
  };
  return { client: client as unknown as webApi.WebClient, calls };
}

describe("who a person is as a reader", () => {
  it("asks Slack once for the locale and time zone, then remembers them", async () => {
    const { client, calls } = fakeClient({ locale: "pt-BR", tz: "America/Sao_Paulo" });
    const readers = new SlackReaders();
    const reader = await readers.readerOf(client, WORKSPACE, "U1", silentLogger);
    expect(reader).toEqual({ locale: "pt-BR", timeZone: "America/Sao_Paulo" });
    await readers.readerOf(client, WORKSPACE, "U1", silentLogger);
    expect(calls).toEqual([{ user: "U1", include_locale: true }]);
  });

  it("writes en-US in UTC when Slack does not answer, and asks again next time", async () => {
    const { client, calls } = fakeClient(new Error("ratelimited"));
    const readers = new SlackReaders();
    expect(await readers.readerOf(client, WORKSPACE, "U1", silentLogger)).toEqual({
      locale: "en-US",
      timeZone: null,
    });
    await readers.readerOf(client, WORKSPACE, "U1", silentLogger);
    expect(calls).toHaveLength(2);
  });

  it("writes en-US in UTC for no one in particular, without asking", async () => {
    const { client, calls } = fakeClient({ locale: "pt-BR" });
    expect(await new SlackReaders().readerOf(client, WORKSPACE, null, silentLogger)).toEqual({
      locale: "en-US",
      timeZone: null,
    });
    expect(calls).toHaveLength(0);
  });
});
