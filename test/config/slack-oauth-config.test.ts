import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { describeConfig, loadConfig } from "../../src/config/config.js";

const KEY = randomBytes(32).toString("base64");
const OAUTH = {
  SLACK_SIGNING_SECRET: "signing-secret",
  SLACK_CLIENT_ID: "123.456",
  SLACK_CLIENT_SECRET: "client-secret-value",
  SLACK_STATE_SECRET: "state-secret-value",
  ENCRYPTION_KEY: KEY,
};

describe("configuration for installing in several workspaces", () => {
  it("reads the OAuth settings and the key, and leaves the sandbox off", () => {
    const config = loadConfig(OAUTH, { readDotEnv: false });
    expect(config.sandbox).toBe(false);
    expect(config.slack.oauth).toMatchObject({ clientId: "123.456", stateSecret: "state-secret-value" });
    expect(config.slack.oauth?.encryptionKey).toEqual(Buffer.from(KEY, "base64"));
    const described = describeConfig(config);
    expect(described).toContain("installed through OAuth");
    expect(described).not.toContain("client-secret-value");
  });

  it("keeps one workspace's SLACK_BOT_TOKEN working as before", () => {
    const config = loadConfig(
      { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" },
      { readDotEnv: false },
    );
    expect(config.slack.oauth).toBeUndefined();
    expect(config.slack.botToken).toBe("xoxb-1");
    expect(config.sandbox).toBe(false);
  });

  it("names what is missing or wrong", () => {
    const { SLACK_STATE_SECRET: _state, ...partial } = OAUTH;
    expect(() => loadConfig(partial, { readDotEnv: false })).toThrow(/SLACK_STATE_SECRET is not set/);
    expect(() => loadConfig({ ...OAUTH, ENCRYPTION_KEY: "" }, { readDotEnv: false })).toThrow(
      /ENCRYPTION_KEY is not set/,
    );
    expect(() => loadConfig({ ...OAUTH, SLACK_BOT_TOKEN: "xoxb-1" }, { readDotEnv: false })).toThrow(
      /set one or the other/,
    );
    const { SLACK_SIGNING_SECRET: _signing, ...unsigned } = OAUTH;
    expect(() => loadConfig(unsigned, { readDotEnv: false })).toThrow(/needs SLACK_SIGNING_SECRET/);
  });
});
