import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { isPaintable, paintPlan, planPaint } from "../../src/charts/paint-svg.js";
import { affineOf, scanSvg } from "../../src/charts/svg-scan.js";
import { textToGlyphOutlines } from "../../src/charts/text-to-glyphs.js";

interface Image {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** An SVG as Vega writes one: opaque background rect, then a root group that turns fills off. */
function svg(width: number, height: number, body: string, scale = 1): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width * scale}" height="${height * scale}" ` +
    `viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="#FFFFFF"/>` +
    `<g fill="none" stroke-miterlimit="4" transform="translate(0,0)">${body}</g></svg>`
  );
}

/** Painted by paint-svg.ts (RGB); fails the test if the SVG is not paintable. */
async function painted(source: string, scale = 1): Promise<Image> {
  const plan = planPaint(scanSvg(source), scale);
  if (!isPaintable(plan)) throw new Error(`not paintable: ${plan.unsupported}`);
  const width = Math.round(plan.size.width * scale);
  const height = Math.round(plan.size.height * scale);
  // The canvas is reused between renders: copy it out while it is ours.
  return paintPlan(plan, width, height, async (pixels) => ({ data: pixels.data.slice(), width, height }));
}

/** The same SVG rasterised by librsvg (text as glyph outlines), as RGB. */
async function librsvg(source: string): Promise<Image> {
  const { data, info } = await sharp(Buffer.from(textToGlyphOutlines(source)))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

function rgbAt(image: Image, x: number, y: number): number[] {
  const at = (y * image.width + x) * 3;
  return [...image.data.subarray(at, at + 3)];
}

function difference(a: Image, b: Image): { mean: number; max: number } {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let sum = 0;
  let max = 0;
  for (let index = 0; index < a.data.length; index++) {
    const delta = Math.abs((a.data[index] as number) - (b.data[index] as number));
    sum += delta;
    max = Math.max(max, delta);
  }
  return { mean: sum / a.data.length, max };
}

/** Columns and rows holding anything but white. */
function inkBox(image: Image): [number, number, number, number] {
  let [left, top, right, bottom] = [image.width, image.height, -1, -1];
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (rgbAt(image, x, y).some((channel) => channel < 250)) {
        [left, top, right, bottom] = [
          Math.min(left, x),
          Math.min(top, y),
          Math.max(right, x),
          Math.max(bottom, y),
        ];
      }
    }
  }
  return [left, top, right, bottom];
}

/** Vega's rect path with the right-hand corners rounded (cornerRadiusEnd on a horizontal bar). */
function roundedBar(x: number, y: number, width: number, height: number, radius: number): string {
  const k = radius * 0.5519150244935105;
  const [right, bottom] = [x + width, y + height];
  return (
    `M${x},${y}L${right - radius},${y}C${right - radius + k},${y},${right},${y + radius - k},${right},${y + radius}` +
    `L${right},${bottom - radius}C${right},${bottom - radius + k},${right - radius + k},${bottom},${right - radius},${bottom}` +
    `L${x},${bottom}L${x},${y}Z`
  );
}

describe("filled shapes", () => {
  it("gives a rectangle's edge pixels exactly the area it covers", async () => {
    const image = await painted(svg(8, 8, '<path d="M1.25,2h2.25v3h-2.25Z" fill="#000000"/>'));
    // x from 1.25 to 3.5: pixel 1 is three-quarters covered, 2 fully, 3 half; y from 2 to 5.
    expect(rgbAt(image, 0, 3)).toEqual([255, 255, 255]);
    expect(rgbAt(image, 1, 3)).toEqual([64, 64, 64]);
    expect(rgbAt(image, 2, 3)).toEqual([0, 0, 0]);
    expect(rgbAt(image, 3, 3)).toEqual([128, 128, 128]);
    expect(rgbAt(image, 4, 3)).toEqual([255, 255, 255]);
    expect(rgbAt(image, 2, 1)).toEqual([255, 255, 255]);
    expect(rgbAt(image, 2, 4)).toEqual([0, 0, 0]);
    expect(rgbAt(image, 2, 5)).toEqual([255, 255, 255]);
  });

  it("rounds a bar's corners as Vega's path says, anti-aliased, as librsvg does", async () => {
    const source = svg(60, 30, `<path d="${roundedBar(4, 4, 40, 20, 8)}" fill="#0072B2"/>`, 2);
    const image = await painted(source, 2);
    // Device pixels: the bar spans x 8-88, y 8-48, corner radius 16.
    expect(rgbAt(image, 87, 8)).toEqual([255, 255, 255]);
    expect(rgbAt(image, 87, 28)).toEqual([0, 114, 178]);
    expect(rgbAt(image, 9, 9)).toEqual([0, 114, 178]);
    expect(rgbAt(image, 80, 20)).toEqual([0, 114, 178]);
    // On the arc: partly covered.
    const edge = rgbAt(image, 83, 12)[0] as number;
    expect(edge).toBeGreaterThan(0);
    expect(edge).toBeLessThan(255);
    // The area painted is the rounded rectangle's, to within a pixel.
    let covered = 0;
    for (let index = 0; index < image.data.length; index += 3)
      covered += (255 - (image.data[index] as number)) / 255;
    expect(covered).toBeCloseTo(80 * 40 - 2 * (1 - Math.PI / 4) * 16 * 16, -0.5);
    const { mean, max } = difference(image, await librsvg(source));
    expect(mean).toBeLessThan(0.2);
    expect(max).toBeLessThan(48);
  });

  it("strokes rules with butt caps, dashes included, and leaves a stroked rectangle hollow", async () => {
    const image = await painted(
      svg(
        20,
        12,
        '<line transform="translate(0.5,2.5)" x2="12" y2="0" stroke="#000000" stroke-width="1" stroke-dasharray="3,3"/>' +
          '<path d="M2,5h10v5h-10Z" stroke="#000000" stroke-width="1"/>',
      ),
      2,
    );
    // The rule covers device rows 4-5; dashes at x 1-7 and 13-19, gaps at 7-13 and after 19.
    expect(rgbAt(image, 3, 4)).toEqual([0, 0, 0]);
    expect(rgbAt(image, 3, 5)).toEqual([0, 0, 0]);
    expect(rgbAt(image, 3, 6)).toEqual([255, 255, 255]);
    expect(rgbAt(image, 9, 4)).toEqual([255, 255, 255]);
    expect(rgbAt(image, 15, 5)).toEqual([0, 0, 0]);
    expect(rgbAt(image, 22, 4)).toEqual([255, 255, 255]);
    // The rectangle's 2 px stroke straddles its outline (x 4-24, y 10-20); its inside stays white.
    expect(rgbAt(image, 3, 15)).toEqual([0, 0, 0]);
    expect(rgbAt(image, 4, 15)).toEqual([0, 0, 0]);
    expect(rgbAt(image, 5, 15)).toEqual([255, 255, 255]);
    expect(rgbAt(image, 14, 15)).toEqual([255, 255, 255]);
    expect(rgbAt(image, 14, 9)).toEqual([0, 0, 0]);
    expect(rgbAt(image, 24, 20)).toEqual([0, 0, 0]);
  });

  it("strokes a dashed rounded frame (the nothing-to-plot chart) as librsvg does", async () => {
    const outline =
      "M6,0L96,0C99.3,0,102,2.7,102,6L102,44C102,47.3,99.3,50,96,50L6,50C2.7,50,0,47.3,0,44L0,6C0,2.7,2.7,0,6,0Z";
    const frame = `<path d="${outline}" fill="#F6F8FA" stroke="#D0D7DE" stroke-dasharray="4,4"/>`;
    const source = svg(110, 60, `<g transform="translate(4,4)">${frame}</g>`, 2);
    const { mean, max } = difference(await painted(source, 2), await librsvg(source));
    expect(mean).toBeLessThan(0.2);
    expect(max).toBeLessThan(48);
  });
});

describe("painting order and text", () => {
  const label = '<text transform="translate(6,16)" font-size="12px" fill="#000000">Label</text>';
  const box = '<path d="M2,2h40v20h-40Z" fill="#E69F00"/>';

  it("keeps the SVG's order: a mark drawn after text covers it, text drawn after a mark shows", async () => {
    const covered = await painted(svg(50, 30, label + box));
    const shown = await painted(svg(50, 30, box + label));
    const orange = [230, 159, 0];
    const inBox = (image: Image) => {
      const colours = new Set<string>();
      for (let y = 3; y < 21; y++) for (let x = 3; x < 41; x++) colours.add(rgbAt(image, x, y).join());
      return colours;
    };
    expect([...inBox(covered)]).toEqual([orange.join()]);
    expect(inBox(shown).size).toBeGreaterThan(4);
    expect(Math.min(...[...inBox(shown)].map((colour) => Number(colour.split(",")[1])))).toBeLessThan(60);
  });

  it("draws a quarter-turned axis title where librsvg draws its outlines", async () => {
    const title =
      '<text text-anchor="middle" transform="translate(14,60) rotate(-90) translate(0,-2)" font-family="Inter" ' +
      'font-size="11px" font-weight="600" fill="#59636E">Spend (USD)</text>';
    const source = svg(30, 120, title, 2);
    const ours = await painted(source, 2);
    const reference = await librsvg(source);
    // Taller than wide: it reads bottom to top, centred on y = 60 css px.
    const [left, top, right, bottom] = inkBox(ours);
    expect(bottom - top).toBeGreaterThan(3 * (right - left));
    for (const [index, edge] of inkBox(reference).entries()) {
      expect(Math.abs(edge - ([left, top, right, bottom][index] ?? 0))).toBeLessThanOrEqual(1);
    }
    const { mean } = difference(ours, reference);
    expect(mean).toBeLessThan(1);
  });
});

describe("planPaint", () => {
  it("leaves to librsvg what only a full SVG renderer draws", () => {
    const cases = {
      clip: '<g clip-path="url(#c)"><path d="M0,0h5v5h-5Z" fill="#000"/></g><defs><clipPath id="c"><rect width="3" height="3"/></clipPath></defs>',
      gradient: '<path d="M0,0h5v5h-5Z" fill="url(#g)"/>',
      image: '<image href="data:," width="5" height="5"/>',
      rotated: '<path transform="translate(5,5) rotate(45)" d="M-2,-2h4v4h-4Z" fill="#000000"/>',
      named: '<path d="M0,0h5v5h-5Z" fill="steelblue"/>',
      strokedText: '<text transform="translate(2,10)" fill="#000000" stroke="#ffffff">A</text>',
      dashOffset: '<line x2="10" stroke="#000000" stroke-dasharray="2,2" stroke-dashoffset="1"/>',
      groupOpacity: '<g opacity="0.5"><path d="M0,0h5v5h-5Z" fill="#000000"/></g>',
      translucentFillAndStroke: '<path d="M0,0h5v5h-5Z" fill="#000000" stroke="#ff0000" opacity="0.5"/>',
      units: '<path d="M0,0h5v5h-5Z" stroke="#000000" stroke-width="2px"/>',
      translucentDashedCircle:
        '<path transform="translate(9,9)" d="M4,0A4,4,0,1,1,-4,0A4,4,0,1,1,4,0" fill="#000000" stroke="#ffffff" stroke-dasharray="2,2" opacity="0.5"/>',
    };
    for (const [name, body] of Object.entries(cases)) {
      const plan = planPaint(scanSvg(svg(20, 20, body)), 1);
      expect(isPaintable(plan), name).toBe(false);
    }
    expect(isPaintable(planPaint(scanSvg(svg(20, 20, '<path d="M0,0h5v5h-5Z" fill="#000"/>')), 1))).toBe(
      true,
    );
  });

  it("needs Vega's opaque background to start from", () => {
    const transparent = svg(20, 20, "").replace(/<rect[^>]*\/>/, "");
    expect(isPaintable(planPaint(scanSvg(transparent), 1))).toBe(false);
  });
});

describe("svg-scan", () => {
  it("reads the transforms Vega writes for text as one matrix", () => {
    const matrix = affineOf("translate(-57.5,150) rotate(-90) translate(0,-2)") ?? [];
    expect(matrix.map((value) => Math.round(value * 1e9) / 1e9)).toEqual([0, -1, 1, 0, -59.5, 150]);
    expect(affineOf("translate(3,4)")).toEqual([1, 0, 0, 1, 3, 4]);
    expect(affineOf("scale(2)")).toBeNull();
  });

  it("reports the elements and group attributes it cannot follow", () => {
    const { unsupported } = scanSvg(
      svg(10, 10, '<g opacity="0.5"><path d="M0,0h1v1h-1Z"/></g><image href="x.png"/><a href="#"></a>'),
    );
    expect(unsupported).toEqual(["<g opacity>", '<image href="x.png"/>', '<a href="#">', "</a>"]);
  });
});
