import { h } from "./dom.js";
import { icon } from "./icons.js";

/** Toasts for things that went wrong (or right) out of view, and a live region for screen readers. */
export class Notices {
  readonly element: HTMLElement;
  readonly announcer: HTMLElement;

  constructor() {
    this.element = h("div", { class: "toasts", attrs: { role: "region", "aria-label": "Notifications" } });
    this.announcer = h("div", {
      class: "visually-hidden",
      attrs: { "aria-live": "polite", "aria-atomic": "true" },
    });
  }

  notify(message: string, tone: "error" | "info" = "info"): void {
    const toast = h(
      "div",
      { class: `toast toast--${tone}`, attrs: { role: tone === "error" ? "alert" : "status" } },
      icon(tone === "error" ? "warning" : "check"),
      h("span", { class: "toast-text" }, message),
      h(
        "button",
        {
          class: "icon-button",
          attrs: { type: "button", "aria-label": "Dismiss notification" },
          on: { click: () => toast.remove() },
        },
        icon("close"),
      ),
    );
    this.element.appendChild(toast);
    // Errors stay until dismissed; confirmations fade on their own.
    if (tone === "info") setTimeout(() => toast.remove(), 6000);
    while (this.element.children.length > 4) this.element.firstElementChild?.remove();
  }

  announce(text: string): void {
    this.announcer.textContent = "";
    // A fresh text node is announced even when the same words come twice.
    requestAnimationFrame(() => {
      this.announcer.textContent = text;
    });
  }
}
