import { h } from "./dom.js";
import { icon } from "./icons.js";

/** A full-size view of an image in a modal dialog; Escape or the close button returns to the message. */
export function openImageViewer(src: string, alt: string): void {
  const dialog = h(
    "dialog",
    { class: "lightbox", attrs: { "aria-label": alt || "Image" } },
    h(
      "form",
      { attrs: { method: "dialog" }, class: "lightbox-bar" },
      h("span", { class: "lightbox-title" }, alt),
      src.startsWith("/sandbox/")
        ? h(
            "a",
            { class: "icon-button", attrs: { href: `${src}?download`, "aria-label": "Download image" } },
            icon("download"),
          )
        : null,
      h("button", { class: "icon-button", attrs: { "aria-label": "Close image" } }, icon("close")),
    ),
    h("img", { class: "lightbox-image", attrs: { src, alt } }),
  );
  dialog.addEventListener("close", () => dialog.remove());
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) dialog.close();
  });
  document.body.appendChild(dialog);
  dialog.showModal();
}
