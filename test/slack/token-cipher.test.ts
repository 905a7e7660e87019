import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readEncryptionKey, TokenCipher } from "../../src/slack/installs/token-cipher.js";

const TOKEN = "xoxb-1234-5678-abcdefghijklmnop";

describe("sealing installations with ENCRYPTION_KEY", () => {
  it("opens what it sealed, and a fresh nonce makes every sealing different", () => {
    const cipher = new TokenCipher(randomBytes(32));
    const first = cipher.seal(TOKEN, "team:T1");
    const second = cipher.seal(TOKEN, "team:T1");
    expect(first).not.toBe(second);
    expect(first).not.toContain(TOKEN);
    expect(cipher.open(first, "team:T1")).toBe(TOKEN);
  });

  it("refuses another key, another workspace and a changed value, naming no token", () => {
    const sealed = new TokenCipher(randomBytes(32)).seal(TOKEN, "team:T1");
    const other = new TokenCipher(randomBytes(32));
    expect(() => other.open(sealed, "team:T1")).toThrow(/does not open with this ENCRYPTION_KEY/);
    const cipher = new TokenCipher(randomBytes(32));
    const mine = cipher.seal(TOKEN, "team:T1");
    expect(() => cipher.open(mine, "team:T2")).toThrow(/does not open/);
    const parts = mine.split(".");
    const body = Buffer.from(parts[3] ?? "", "base64url");
    body[0] = (body[0] ?? 0) ^ 1;
    parts[3] = body.toString("base64url");
    expect(() => cipher.open(parts.join("."), "team:T1")).toThrow(/does not open/);
    try {
      other.open(sealed, "team:T1");
    } catch (error) {
      expect(String(error)).not.toContain(TOKEN);
    }
  });

  it("reads a key written as base64 or hex, and says how to make one otherwise", () => {
    const key = randomBytes(32);
    expect(readEncryptionKey(key.toString("base64"))).toEqual(key);
    expect(readEncryptionKey(key.toString("base64url"))).toEqual(key);
    expect(readEncryptionKey(key.toString("hex"))).toEqual(key);
    expect(() => readEncryptionKey(undefined)).toThrow(/not set.*openssl rand -base64 32/);
    expect(() => readEncryptionKey(randomBytes(16).toString("base64"))).toThrow(/32 bytes.*it is 16 bytes/);
    expect(() => readEncryptionKey("not a key!")).toThrow(/it is neither/);
  });
});
