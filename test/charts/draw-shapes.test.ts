import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { drawShapes, planShapes } from "../../src/charts/draw-shapes.js";
import { renderPng, trendChartSpec } from "../../src/charts/index.js";
import { COLORS } from "../../src/charts/palette.js";
import { scanSvg } from "../../src/charts/svg-scan.js";
import { CONTEXT, dailyRows } from "./sample-data.js";

const zigzag = (points: number) =>
  `M${Array.from({ length: points }, (_, index) => `${index * 2},${index % 2 === 0 ? 10 : 30}`).join("L")}`;
const line = (points: number, extra = "") =>
  `<g class="mark-line role-mark"><path d="${zigzag(points)}" stroke="#0072B2" stroke-width="2"${extra}/></g>`;
const dot =
  '<g class="mark-symbol role-mark"><path transform="translate(20,20)" d="M4,0A4,4,0,1,1,-4,0A4,4,0,1,1,4,0" fill="#D55E00" stroke="#ffffff" stroke-width="1.5"/></g>';
const bar = '<g class="mark-rect role-mark"><path d="M0,0h10v10h-10Z" fill="#0072B2"/></g>';
const legend = '<g class="mark-symbol role-legend-symbol"><path d="M-8,0L8,0" stroke="#0072B2"/></g>';
const svg = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><g transform="translate(10,5)">${body}</g></svg>`;

describe("planShapes", () => {
  it("takes long lines and the dots drawn over them, in device pixels", () => {
    const plan = planShapes(scanSvg(svg(line(80) + dot + legend)).shapes, 2);
    expect(plan.draws.map((draw) => draw.kind)).toEqual(["polyline", "circle"]);
    const polyline = plan.draws[0];
    expect(polyline?.kind === "polyline" && [...(polyline.paths[0] ?? []).slice(0, 4)]).toEqual([
      20, 30, 24, 70,
    ]);
    expect(polyline?.kind === "polyline" && polyline.halfWidth).toBe(2);
  });

  it("leaves short lines to librsvg", () => {
    expect(planShapes(scanSvg(svg(line(20))).shapes, 2).draws).toEqual([]);
  });

  it("leaves everything to librsvg when a mark it cannot draw comes after a line", () => {
    expect(planShapes(scanSvg(svg(line(80) + bar)).shapes, 2).draws).toEqual([]);
  });

  it("reads dashes, and treats Vega's '1,0' as solid", () => {
    const dashed = planShapes(scanSvg(svg(line(80, ' stroke-dasharray="5,4"'))).shapes, 2).draws[0];
    expect(dashed?.kind === "polyline" && dashed.dash).toEqual([10, 8]);
    const solid = planShapes(scanSvg(svg(line(80, ' stroke-dasharray="1,0"'))).shapes, 2).draws[0];
    expect(solid?.kind === "polyline" && solid.dash).toBeNull();
  });

  it("paints anti-aliased strokes and dots into the pixels", () => {
    const pixels = { data: new Uint8Array(400 * 200 * 4).fill(255), width: 400, height: 200, channels: 4 };
    drawShapes(pixels, planShapes(scanSvg(svg(line(80) + dot)).shapes, 2).draws);
    const at = (x: number, y: number) => [...pixels.data.subarray((y * 400 + x) * 4, (y * 400 + x) * 4 + 3)];
    expect(at(20, 30)).toEqual([0, 114, 178]);
    expect(at(60, 50)).toEqual([213, 94, 0]);
    expect(at(300, 150)).toEqual([255, 255, 255]);
    const edge = at(18, 35);
    expect(edge[0]).toBeGreaterThan(0);
    expect(edge[0]).toBeLessThan(255);
  });
});

describe("long trend lines", () => {
  it("come out in the line colour, across the plot", async () => {
    const png = await renderPng(
      trendChartSpec({ rows: dailyRows(400), metric: "spend", grain: "day", context: CONTEXT }),
    );
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    const columns = new Set<number>();
    for (let index = 0; index < data.length; index += info.channels) {
      if (data[index] === 0 && data[index + 1] === 114 && data[index + 2] === 178)
        columns.add((index / info.channels) % info.width);
    }
    expect(columns.size).toBeGreaterThan(info.width * 0.7);
    expect(COLORS.primary.toLowerCase()).toBe("#0072b2");
  });
});
