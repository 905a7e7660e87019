import { h } from "./dom.js";
import { icon } from "./icons.js";

/**
 * Makes a pane accept dropped files: an overlay says where the file will go, and the first dropped file
 * is handed to `onFile` (the pane's composer attaches it).
 */
export function enableDrop(pane: HTMLElement, label: string, onFile: (file: File) => void): void {
  const overlay = h(
    "div",
    { class: "drop-overlay", attrs: { hidden: true, "aria-hidden": "true" } },
    h("div", { class: "drop-overlay-card" }, icon("upload", "icon icon--large"), h("span", {}, label)),
  );
  pane.appendChild(overlay);
  let depth = 0;
  const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes("Files") ?? false;
  pane.addEventListener("dragenter", (event) => {
    if (!hasFiles(event)) return;
    depth += 1;
    overlay.hidden = false;
  });
  pane.addEventListener("dragover", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
  });
  pane.addEventListener("dragleave", () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) overlay.hidden = true;
  });
  pane.addEventListener("drop", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth = 0;
    overlay.hidden = true;
    const file = event.dataTransfer?.files[0];
    if (file) onFile(file);
  });
}
