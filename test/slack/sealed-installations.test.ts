import { randomBytes } from "node:crypto";
import type { Installation } from "@slack/oauth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SealedInstallations } from "../../src/slack/installs/sealed-installations.js";
import { TokenCipher } from "../../src/slack/installs/token-cipher.js";
import { STORE_KINDS, type TempStore, tempStore } from "../store/temp-store.js";

const TOKEN = "xoxb-111-222-sealedtokenvalue";

function installation(team: string, enterprise?: string, enterpriseInstall = false): Installation {
  return {
    team: enterpriseInstall ? undefined : { id: team },
    enterprise: enterprise ? { id: enterprise } : undefined,
    isEnterpriseInstall: enterpriseInstall,
    user: { id: "U1", token: undefined, scopes: undefined },
    bot: { id: "B1", userId: "UBOT", token: TOKEN, scopes: ["chat:write"] },
    appId: "A1",
    tokenType: "bot",
    authVersion: "v2",
  } as Installation;
}

let temp: TempStore;
afterEach(() => temp.remove());

describe.each(STORE_KINDS)("installations sealed in the store (%s)", (kind) => {
  beforeEach(() => {
    temp = tempStore(kind);
  });

  it("gives each workspace its own token, and an organisation's install to its workspaces", async () => {
    const store = await temp.open();
    const sealed = new SealedInstallations(store, new TokenCipher(randomBytes(32)));
    await sealed.storeInstallation(installation("T1"));
    await sealed.storeInstallation(installation("", "E1", true));
    expect(await sealed.botTokenOf({ team: "T1", enterprise: null })).toBe(TOKEN);
    expect(await sealed.botTokenOf({ team: "T9", enterprise: "E1" })).toBe(TOKEN);
    expect(await sealed.botTokenOf({ team: "T2", enterprise: null })).toBeNull();
    await expect(
      sealed.fetchInstallation({ teamId: "T2", enterpriseId: undefined, isEnterpriseInstall: false }),
    ).rejects.toThrow("the app is not installed in workspace T2");
  });

  it("refuses installations sealed with another ENCRYPTION_KEY, saying so and naming no token", async () => {
    const store = await temp.open();
    await new SealedInstallations(store, new TokenCipher(randomBytes(32))).storeInstallation(
      installation("T1"),
    );
    const otherKey = new SealedInstallations(store, new TokenCipher(randomBytes(32)));
    const refused = otherKey.fetchInstallation({
      teamId: "T1",
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    await expect(refused).rejects.toThrow(/does not open with this ENCRYPTION_KEY/);
    await expect(refused).rejects.not.toThrow(TOKEN);
  });
});
