import { h } from "./dom.js";

/**
 * People get their initials on a colour picked from their id; the app gets its mark. Every colour keeps
 * white text above 4.5:1 contrast.
 */
const COLORS = ["#2D6A9F", "#7A3E9D", "#B3261E", "#1F7A4D", "#9A5B00", "#5146B8", "#A23A6B", "#30667A"];

function colorFor(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return COLORS[hash % COLORS.length] ?? "#2D6A9F";
}

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? `${words[0]?.[0] ?? ""}${words.at(-1)?.[0] ?? ""}` : name.slice(0, 2);
  return letters.toUpperCase();
}

const SVG = "http://www.w3.org/2000/svg";

/** The app's mark: rising bars on a gradient tile (the gradient is defined once, in the page). */
export function appMark(className = "avatar avatar--app"): SVGSVGElement {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 36 36");
  svg.setAttribute("class", className);
  svg.setAttribute("aria-hidden", "true");
  const tile = document.createElementNS(SVG, "rect");
  tile.setAttribute("width", "36");
  tile.setAttribute("height", "36");
  tile.setAttribute("rx", "8");
  tile.setAttribute("fill", "url(#app-mark-gradient)");
  svg.appendChild(tile);
  for (const [x, y, height] of [
    [8, 20, 8],
    [15, 15, 13],
    [22, 10, 18],
  ]) {
    const bar = document.createElementNS(SVG, "rect");
    bar.setAttribute("x", String(x));
    bar.setAttribute("y", String(y));
    bar.setAttribute("width", "5");
    bar.setAttribute("height", String(height));
    bar.setAttribute("rx", "1.5");
    bar.setAttribute("fill", "#fff");
    svg.appendChild(bar);
  }
  return svg;
}

export function avatar(
  userId: string,
  name: string,
  isBot: boolean,
  size: "small" | "medium" = "medium",
): Element {
  if (isBot) return appMark(`avatar avatar--app avatar--${size}`);
  const tile = h(
    "span",
    { class: `avatar avatar--${size}`, attrs: { "aria-hidden": "true" } },
    initials(name),
  );
  tile.style.backgroundColor = colorFor(userId);
  return tile;
}
