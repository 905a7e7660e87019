import { describe, expect, it } from "vitest";
import { withPlatformNames } from "../../src/format/dimension-value.js";
import type { FactTable } from "../../src/ingest/index.js";

const facts = (channels: string[]) =>
  ({
    rowCount: channels.length,
    dimensions: { channel: { codes: Int32Array.from(channels.keys()), values: channels } },
  }) as unknown as FactTable;

describe("channels by their platforms' names", () => {
  it("names platform ids and keeps other values", () => {
    expect(
      withPlatformNames(facts(["meta_ads", "google_ads", "Newsletter"])).dimensions.channel?.values,
    ).toEqual(["Meta Ads", "Google Ads", "Newsletter"]);
  });

  it("leaves the column alone when a name is already one of its values", () => {
    const both = facts(["meta_ads", "Meta Ads"]);
    expect(withPlatformNames(both)).toBe(both);
  });
});
