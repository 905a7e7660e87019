/**
 * A plain chart must not reach librsvg at all: sharp is wrapped here to record every SVG handed to it
 * (librsvg is what sharp rasterises SVG with), while still doing the work.
 */
import type { TopLevelSpec } from "vega-lite";
import { describe, expect, it, vi } from "vitest";
import { breakdownChartSpec, renderPng, trendChartSpec } from "../../src/charts/index.js";
import { CONTEXT, campaignRows, dailyRows, GRADIENT_BAR_SPEC } from "./sample-data.js";

const svgInputs = vi.hoisted(() => ({ count: 0 }));

vi.mock("sharp", async (importOriginal) => {
  const actual = (await importOriginal()) as { default: (...args: unknown[]) => unknown };
  const wrapped = (...args: unknown[]) => {
    const [input] = args;
    if (Buffer.isBuffer(input) && input.subarray(0, 200).toString().includes("<svg")) svgInputs.count++;
    return actual.default(...args);
  };
  return { ...actual, default: Object.assign(wrapped, actual.default) };
});

async function librsvgCalls(spec: TopLevelSpec): Promise<number> {
  const before = svgInputs.count;
  await renderPng(spec);
  return svgInputs.count - before;
}

describe("librsvg", () => {
  it("is not called for a plain breakdown or trend once the glyphs they use are cached", async () => {
    const breakdown = breakdownChartSpec({
      rows: campaignRows(20),
      metric: "spend",
      dimension: "campaign",
      context: CONTEXT,
    });
    const trend = trendChartSpec({ rows: dailyRows(400), metric: "spend", grain: "day", context: CONTEXT });
    // The first renders rasterise the glyph masks they need (one librsvg call each, at most).
    expect(await librsvgCalls(breakdown)).toBeLessThanOrEqual(1);
    expect(await librsvgCalls(trend)).toBeLessThanOrEqual(1);
    expect(await librsvgCalls(breakdown)).toBe(0);
    expect(await librsvgCalls(trend)).toBe(0);
  });

  it("is called (so the count above means something) for a chart with a mark only it can draw", async () => {
    const gradient = GRADIENT_BAR_SPEC;
    await renderPng(gradient);
    expect(await librsvgCalls(gradient)).toBe(1);
  });
});
