import { afterEach, describe, expect, it } from "vitest";
import { totals } from "../../src/metrics/index.js";
import { LIVE_WINDOW_DAYS, recentLiveFacts } from "../../src/store/recent-live-facts.js";
import { type TempStore, tempStore } from "./temp-store.js";

let temp: TempStore | null = null;
afterEach(() => {
  temp?.remove();
  temp = null;
});

const dayBefore = (newest: string, days: number) =>
  new Date(Date.parse(newest) - days * 86_400_000).toISOString().slice(0, 10);

describe("live data read for answers and reports", () => {
  it("covers the year and a month up to the newest row, not every row ever pushed", async () => {
    temp = tempStore();
    const store = await temp.open();
    const newest = "2025-09-30";
    await store.saveLiveBatch({
      source: "n8n",
      records: [
        { kind: "metrics", externalId: "old", date: dayBefore(newest, LIVE_WINDOW_DAYS + 30), spend: 1000 },
        { kind: "metrics", externalId: "edge", date: dayBefore(newest, LIVE_WINDOW_DAYS), spend: 20 },
        { kind: "metrics", externalId: "newest", date: newest, spend: 5 },
        { kind: "order", externalId: "o-1", occurredAt: `${dayBefore(newest, 3)}T10:00:00Z`, value: 40 },
      ],
    });
    expect(totals(await store.liveFacts()).spend).toBe(1025);
    const recent = await recentLiveFacts(store);
    expect(totals(recent).spend).toBe(25);
    expect(recent.rowCount).toBe(3);
  });

  it("is empty, not an error, before anything was pushed", async () => {
    temp = tempStore();
    expect((await recentLiveFacts(await temp.open())).rowCount).toBe(0);
  });
});
