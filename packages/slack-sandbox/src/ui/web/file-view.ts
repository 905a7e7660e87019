import type { UiFile } from "../../protocol.js";
import { h } from "./dom.js";
import { fileSize } from "./format.js";
import { icon } from "./icons.js";
import type { Page } from "./page.js";

const INLINE_IMAGES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);
const SPREADSHEETS = new Set(["csv", "tsv", "xlsx", "xls", "numbers", "gsheet"]);

function imageFile(file: UiFile, page: Page): HTMLElement {
  const alt = file.altText ?? file.title;
  return h(
    "figure",
    { class: "file-image" },
    h(
      "button",
      {
        class: "file-image-button",
        attrs: { type: "button", "aria-label": `Open image: ${file.title}` },
        on: { click: () => page.openImage(file.url, alt) },
      },
      h("img", { attrs: { src: file.url, alt, loading: "lazy" } }),
    ),
    h("figcaption", { class: "file-image-caption" }, file.title),
  );
}

function fileCard(file: UiFile): HTMLElement {
  const spreadsheet = SPREADSHEETS.has(file.filetype.toLowerCase());
  return h(
    "div",
    { class: "file-card" },
    h(
      "span",
      { class: spreadsheet ? "file-card-icon file-card-icon--sheet" : "file-card-icon" },
      icon(spreadsheet ? "sheet" : "file"),
    ),
    h(
      "span",
      { class: "file-card-text" },
      h("span", { class: "file-card-name" }, file.title || file.name),
      h(
        "span",
        { class: "file-card-meta" },
        `${file.prettyType || file.filetype.toUpperCase()} · ${fileSize(file.size)}`,
      ),
    ),
    h(
      "a",
      {
        class: "icon-button file-card-download",
        attrs: { href: `${file.url}?download`, download: file.name, "aria-label": `Download ${file.name}` },
      },
      icon("download"),
    ),
  );
}

/** A message's files: images inline (click to enlarge), everything else as a card with a download link. */
export function renderFiles(files: readonly UiFile[], page: Page): HTMLElement | null {
  if (files.length === 0) return null;
  return h(
    "div",
    { class: "msg-files" },
    files.map((file) => (INLINE_IMAGES.has(file.mimetype) ? imageFile(file, page) : fileCard(file))),
  );
}
