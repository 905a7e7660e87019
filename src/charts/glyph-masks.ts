/**
 * Anti-aliased coverage masks of glyphs at device size, rasterised once and kept for the process.
 *
 * Rasterising glyph outlines is the dearest part of drawing a chart (about 50 ms for the ~800 glyphs of
 * a 20-bar breakdown at 2x), yet a chart uses few distinct glyphs at few sizes. So each glyph is drawn
 * once per (weight, pixel size, quarter-pixel phase) into a mask, all missing masks of a render in one
 * librsvg call, and later renders only blend masks into pixels.
 */
import sharp from "sharp";
import type { FaceWeight } from "./font-faces.js";
import { fontFace } from "./font-faces.js";
import { glyphOutline } from "./glyph-outlines.js";

/** Glyph positions are snapped to quarter pixels: finer than the eye sees, and few masks per glyph. */
export const PHASES = 4;

export interface GlyphMaskKey {
  readonly weight: FaceWeight;
  /** Font size in device pixels. */
  readonly size: number;
  readonly glyph: number;
  /** Sub-pixel offsets of the glyph origin, in 1/PHASES px steps. */
  readonly phaseX: number;
  readonly phaseY: number;
}

export interface GlyphMask {
  /** Position of the mask's top-left pixel relative to the glyph origin's whole pixel. */
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  /** Coverage 0-255, row by row. */
  readonly coverage: Uint8Array;
}

const ATLAS_WIDTH = 1024;
const masks = new Map<string, GlyphMask | null>();
/** Masks being rasterised; a render needing one of them waits for that job rather than drawing without. */
const inFlight = new Map<string, Promise<void>>();

function maskId(key: GlyphMaskKey): string {
  return `${key.weight}|${key.size}|${key.glyph}|${key.phaseX}|${key.phaseY}`;
}

/** The mask for a key already prepared; null for blank glyphs such as the space. */
export function glyphMask(key: GlyphMaskKey): GlyphMask | null {
  return masks.get(maskId(key)) ?? null;
}

interface Cell {
  readonly id: string;
  readonly path: string;
  readonly scale: number;
  readonly originX: number;
  readonly originY: number;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  x: number;
  y: number;
}

function cellFor(key: GlyphMaskKey): Cell | null {
  const outline = glyphOutline(key.weight, key.glyph);
  if (!outline.path) return null;
  const scale = key.size / fontFace(key.weight).unitsPerEm;
  const originX = key.phaseX / PHASES;
  const originY = key.phaseY / PHASES;
  // One spare pixel on each side holds the anti-aliasing fringe.
  const left = Math.floor(outline.bounds.minX * scale + originX) - 1;
  const top = Math.floor(-outline.bounds.maxY * scale + originY) - 1;
  const right = Math.ceil(outline.bounds.maxX * scale + originX) + 1;
  const bottom = Math.ceil(-outline.bounds.minY * scale + originY) + 1;
  const width = right - left;
  const height = bottom - top;
  return {
    id: maskId(key),
    path: outline.path,
    scale,
    originX,
    originY,
    left,
    top,
    width,
    height,
    x: 0,
    y: 0,
  };
}

/** Shelf packing: cells left to right in rows as tall as their tallest cell. */
function pack(cells: Cell[]): number {
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const cell of cells) {
    if (x + cell.width > ATLAS_WIDTH) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    cell.x = x;
    cell.y = y;
    x += cell.width;
    rowHeight = Math.max(rowHeight, cell.height);
  }
  return y + rowHeight;
}

async function rasterise(cells: Cell[]): Promise<void> {
  const height = pack(cells);
  const paths = cells.map((cell) => {
    const x = cell.x - cell.left + cell.originX;
    const y = cell.y - cell.top + cell.originY;
    return `<path transform="translate(${x},${y}) scale(${cell.scale},${-cell.scale})" d="${cell.path}"/>`;
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${ATLAS_WIDTH}" height="${height}">${paths.join("")}</svg>`;
  const atlas = await sharp(Buffer.from(svg)).ensureAlpha().extractChannel(3).raw().toBuffer();
  for (const cell of cells) {
    const coverage = new Uint8Array(cell.width * cell.height);
    for (let row = 0; row < cell.height; row++) {
      const from = (cell.y + row) * ATLAS_WIDTH + cell.x;
      coverage.set(atlas.subarray(from, from + cell.width), row * cell.width);
    }
    masks.set(cell.id, { left: cell.left, top: cell.top, width: cell.width, height: cell.height, coverage });
  }
}

/** Glyphs (weight, size, glyph id) with masks at some phase: the ones varying text keeps asking for. */
const families = new Set<string>();

/**
 * Makes every mask in `keys` available to `glyphMask`, rasterising the missing ones in one pass. A glyph
 * met before at other phases gets all its phases at once: charts whose figures change from render to
 * render (and so shift their glyphs by quarter pixels) then soon stop calling librsvg at all.
 */
export async function prepareGlyphMasks(keys: Iterable<GlyphMaskKey>): Promise<void> {
  const missing = new Map<string, Cell>();
  const waits = new Set<Promise<void>>();
  const met: string[] = [];
  const schedule = (key: GlyphMaskKey, id: string) => {
    const cell = cellFor(key);
    if (cell) missing.set(id, cell);
    else masks.set(id, null);
  };
  for (const key of keys) {
    const id = maskId(key);
    if (masks.has(id) || missing.has(id)) continue;
    const pending = inFlight.get(id);
    if (pending) {
      waits.add(pending);
      continue;
    }
    schedule(key, id);
    const family = `${key.weight}|${key.size}|${key.glyph}`;
    // Met in an earlier render, not just earlier in this one: a first chart rasterises only what it uses.
    if (!families.has(family)) {
      met.push(family);
      continue;
    }
    for (let phaseX = 0; phaseX < PHASES; phaseX++) {
      for (let phaseY = 0; phaseY < PHASES; phaseY++) {
        const sibling = { ...key, phaseX, phaseY };
        const siblingId = maskId(sibling);
        if (!masks.has(siblingId) && !missing.has(siblingId) && !inFlight.has(siblingId))
          schedule(sibling, siblingId);
      }
    }
  }
  for (const family of met) families.add(family);
  if (missing.size > 0) {
    const cells = [...missing.values()];
    const job = rasterise(cells).finally(() => {
      for (const cell of cells) inFlight.delete(cell.id);
    });
    for (const cell of cells) inFlight.set(cell.id, job);
    waits.add(job);
  }
  await Promise.all(waits);
}
