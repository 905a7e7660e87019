/** The rendered image as sharp hands it over (RGBA bytes), and the colours we paint into it. */
export interface Pixels {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly channels: number;
}

export type Rgb = readonly [number, number, number];

const NAMED: Record<string, Rgb> = { black: [0, 0, 0], white: [255, 255, 255] };

/** Hex (#rgb, #rrggbb), black or white; null for anything else, which the caller leaves to librsvg. */
export function parseColor(color: string): Rgb | null {
  const named = NAMED[color.toLowerCase()];
  if (named) return named;
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color)?.[1];
  if (!hex) return null;
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join("") : hex;
  const value = Number.parseInt(full, 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** Paints `rgb` over pixel `index` at `alpha` (0-1), as source-over compositing does. */
export function blendPixel(pixels: Pixels, index: number, rgb: Rgb, alpha: number): void {
  const { data } = pixels;
  const at = index * pixels.channels;
  const red = data[at] as number;
  const green = data[at + 1] as number;
  const blue = data[at + 2] as number;
  // + 0.5 then | 0 rounds. The | 0 changes no value (a typed array store truncates too), but V8 stores an
  // integer into a Uint8Array several times faster than a double, and this runs for every painted pixel.
  data[at] = (red + (rgb[0] - red) * alpha + 0.5) | 0;
  data[at + 1] = (green + (rgb[1] - green) * alpha + 0.5) | 0;
  data[at + 2] = (blue + (rgb[2] - blue) * alpha + 0.5) | 0;
}
