import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { STORE_KINDS, type TempStore, tempStore } from "./temp-store.js";

let temp: TempStore;
afterEach(() => temp.remove());

const acme = { team: "T0ACME", enterprise: null, enterpriseInstall: false };
const beta = { team: "T0BETA", enterprise: "E0GRID", enterpriseInstall: false };
const grid = { team: null, enterprise: "E0GRID", enterpriseInstall: true };

describe.each(STORE_KINDS)("Slack installations (%s)", (kind) => {
  beforeEach(() => {
    temp = tempStore(kind);
  });

  it("keeps one installation per workspace and organisation, across a restart", async () => {
    const store = await temp.open();
    await store.saveInstallation(acme, "sealed-acme-1");
    await store.saveInstallation(beta, "sealed-beta");
    await store.saveInstallation(grid, "sealed-grid");
    await store.close();

    const reopened = await temp.open();
    expect(await reopened.findInstallation(acme)).toMatchObject({ ...acme, sealed: "sealed-acme-1" });
    expect(await reopened.findInstallation(beta)).toMatchObject({ ...beta, sealed: "sealed-beta" });
    // The organisation's own install is not its workspace's, nor the other way round.
    expect(await reopened.findInstallation(grid)).toMatchObject({ ...grid, sealed: "sealed-grid" });
    expect(
      await reopened.findInstallation({ team: "T0OTHER", enterprise: null, enterpriseInstall: false }),
    ).toBeNull();
  });

  it("replaces an installation on reinstall, keeping when it was first installed", async () => {
    const store = await temp.open();
    await store.saveInstallation(acme, "sealed-acme-1");
    const first = await store.findInstallation(acme);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.saveInstallation(acme, "sealed-acme-2");
    const second = await store.findInstallation(acme);
    expect(second?.sealed).toBe("sealed-acme-2");
    expect(second?.installedAt).toBe(first?.installedAt);
    expect(Date.parse(second?.updatedAt ?? "")).toBeGreaterThan(Date.parse(first?.updatedAt ?? ""));
  });

  it("forgets an installation once, and only that one", async () => {
    const store = await temp.open();
    await store.saveInstallation(acme, "sealed-acme");
    await store.saveInstallation(beta, "sealed-beta");
    expect(await store.removeInstallation(acme)).toBe(true);
    expect(await store.removeInstallation(acme)).toBe(false);
    expect(await store.findInstallation(acme)).toBeNull();
    expect(await store.findInstallation(beta)).not.toBeNull();
  });
});
