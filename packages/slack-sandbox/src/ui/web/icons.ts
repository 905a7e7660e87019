/**
 * Icons as inline SVG (24px grid, stroked), so the page makes no request for them. Decorative: screen
 * readers get the button's label instead.
 */
const PATHS = {
  hash: ["M5 9h14", "M4 15h14", "M10 3 8 21", "M16 3l-2 18"],
  lock: ["M6 11h12v10H6z", "M8 11V7a4 4 0 0 1 8 0v4"],
  plus: ["M12 5v14", "M5 12h14"],
  menu: ["M4 6h16", "M4 12h16", "M4 18h16"],
  at: ["M16 12a4 4 0 1 1-8 0 4 4 0 0 1 8 0", "M16 12v1.5a2.5 2.5 0 0 0 5 0V12a9 9 0 1 0-3.5 7.1"],
  slash: ["M15 4 9 20"],
  send: ["M4 12 20 4l-5 16-3-7-8-1z", "M12 13l8-9"],
  close: ["M6 6l12 12", "M18 6 6 18"],
  thread: ["M4 5h16v10H9l-5 4z", "M8 9h8", "M8 12h5"],
  file: ["M6 3h8l4 4v14H6z", "M14 3v4h4"],
  sheet: ["M6 3h8l4 4v14H6z", "M14 3v4h4", "M9 12h6", "M9 15h6", "M9 18h6", "M12 12v6"],
  download: ["M12 4v11", "M7 10l5 5 5-5", "M5 20h14"],
  upload: ["M12 20V9", "M7 14l5-5 5 5", "M5 4h14"],
  eye: ["M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12z", "M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z"],
  pulse: ["M3 12h4l3-8 4 16 3-8h4"],
  bell: ["M6 16V11a6 6 0 0 1 12 0v5l2 2H4z", "M10 20a2 2 0 0 0 4 0"],
  users: [
    "M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8z",
    "M2 21a7 7 0 0 1 14 0",
    "M16 3.5a4 4 0 0 1 0 7",
    "M22 21a7 7 0 0 0-4-6.3",
  ],
  check: ["M5 12l5 5 9-10"],
  warning: ["M12 3 2 20h20z", "M12 10v4", "M12 17v.5"],
  external: ["M14 4h6v6", "M20 4l-9 9", "M18 14v6H4V6h6"],
  shield: ["M12 3 4 6v6c0 5 3.5 8 8 9 4.5-1 8-4 8-9V6z", "M9 12l2 2 4-4"],
} as const;

export type IconName = keyof typeof PATHS;

const SVG = "http://www.w3.org/2000/svg";

export function icon(name: IconName, className = "icon"): SVGSVGElement {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("class", className);
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  for (const d of PATHS[name]) {
    const path = document.createElementNS(SVG, "path");
    path.setAttribute("d", d);
    svg.appendChild(path);
  }
  return svg;
}
