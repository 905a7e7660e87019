import type { SlackEmulator } from "@mpo/slack-sandbox/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, webClient } from "./helpers.js";

let emulator: SlackEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => emulator?.close());

describe("a person's locale and time zone", () => {
  it("are given by users.info as Slack gives them: the locale only with include_locale", async () => {
    const client = webClient(emulator);
    const ana = emulator.createUser({ name: "ana", locale: "pt-BR", tz: "America/Sao_Paulo" });
    const maria = emulator.createUser({ name: "maria" });

    const withLocale = await client.users.info({ user: ana.id, include_locale: true });
    expect(withLocale.user).toMatchObject({ locale: "pt-BR", tz: "America/Sao_Paulo", tz_offset: -10800 });
    const without = await client.users.info({ user: ana.id });
    expect(without.user).not.toHaveProperty("locale");

    const other = await client.users.info({ user: maria.id, include_locale: true });
    expect(other.user).toMatchObject({ locale: "en-US", tz: "Etc/UTC", tz_offset: 0 });
  });
});
