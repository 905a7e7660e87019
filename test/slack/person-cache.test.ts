import { describe, expect, it } from "vitest";
import { PersonCache } from "../../src/slack/flows/person-cache.js";

const WORKSPACE = { team: "T1", enterprise: null };

describe("what Slack says about a person, kept a while", () => {
  it("asks once for callers asking at once, and again for another workspace or person", async () => {
    const cache = new PersonCache<{ asked: number }>(60_000);
    let asked = 0;
    const ask = async () => ({ asked: ++asked });
    const [first, second] = await Promise.all([
      cache.get(WORKSPACE, "U1", ask),
      cache.get(WORKSPACE, "U1", ask),
    ]);
    expect(first).toBe(second);
    expect(asked).toBe(1);
    await cache.get({ team: "T2", enterprise: null }, "U1", ask);
    await cache.get(WORKSPACE, "U2", ask);
    expect(asked).toBe(3);
  });

  it("keeps no failure, and asks again once told to forget", async () => {
    const cache = new PersonCache<{ asked: number }>(60_000);
    let asked = 0;
    await expect(cache.get(WORKSPACE, "U1", () => Promise.reject(new Error("ratelimited")))).rejects.toThrow(
      "ratelimited",
    );
    const ask = async () => ({ asked: ++asked });
    expect(await cache.get(WORKSPACE, "U1", ask)).toEqual({ asked: 1 });
    cache.forget(WORKSPACE, "U1");
    expect(await cache.get(WORKSPACE, "U1", ask)).toEqual({ asked: 2 });
  });
});
