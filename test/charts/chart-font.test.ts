import { createCanvas } from "canvas";
import * as vega from "vega";
import { describe, expect, it } from "vitest";
import { CHART_FONT_FAMILY, loadChartFont, measureText } from "../../src/charts/chart-font.js";

const LABEL = "Campaign 05 – Brand/Über Größe";

interface VegaTextMetrics {
  width: (item: object, text: string) => number;
  measureWidth: (item: object, text: string) => number;
  estimateWidth: (item: object, text: string) => number;
}

const metrics = (vega as unknown as { textMetrics: VegaTextMetrics }).textMetrics;

/** How much ink `text` leaves on white at `weight`: the sum of every pixel's darkness. */
function ink(weight: number): number {
  loadChartFont();
  const canvas = createCanvas(400, 60);
  const context = canvas.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, 400, 60);
  context.fillStyle = "#000000";
  context.font = `${weight} 32px ${CHART_FONT_FAMILY}`;
  context.fillText("Spend by campaign", 4, 44);
  const { data } = context.getImageData(0, 0, 400, 60);
  let sum = 0;
  for (let index = 0; index < data.length; index += 4) sum += 255 - (data[index] ?? 255);
  return sum;
}

describe("the chart font", () => {
  it("is what Vega measures text with: the canvas, not its estimate, which over-measures and truncates", () => {
    loadChartFont();
    expect(metrics.width).toBe(metrics.measureWidth);
    const item = { font: CHART_FONT_FAMILY, fontSize: 11 };
    expect(metrics.width(item, LABEL)).toBeCloseTo(measureText(LABEL, 11), 6);
    expect(measureText(LABEL, 11)).toBeLessThan(180);
    expect(metrics.estimateWidth(item, LABEL)).toBeGreaterThan(180);
    expect(measureText(LABEL, 22)).toBeCloseTo(2 * measureText(LABEL, 11), 1);
    expect(measureText("", 11)).toBe(0);
  });

  it("draws and measures regular and semibold as two weights", () => {
    expect(measureText(LABEL, 11, "semibold")).toBeGreaterThan(measureText(LABEL, 11, "regular"));
    expect(ink(600)).toBeGreaterThan(ink(400) * 1.15);
  });
});
