import type { UiSample } from "../../protocol.js";
import type { Attachment } from "./api.js";
import { h, uniqueId } from "./dom.js";
import { fileSize } from "./format.js";
import { icon } from "./icons.js";

/**
 * The composer's "+" menu: the sandbox's sample exports, and a file from this computer. Arrow keys move
 * between items, Escape closes and returns focus to the button.
 */
export function attachMenu(
  samples: readonly UiSample[],
  onChoose: (attachment: Attachment) => void,
): HTMLElement {
  const picker = h("input", {
    class: "visually-hidden",
    attrs: {
      type: "file",
      accept: ".csv,.tsv,.txt,.xlsx,.xls,text/csv",
      tabindex: -1,
      "aria-hidden": "true",
    },
  });
  const menuId = uniqueId("attach-menu");
  const trigger = h(
    "button",
    {
      class: "icon-button composer-tool",
      attrs: {
        type: "button",
        "aria-label": "Attach a file",
        title: "Attach a file",
        "aria-haspopup": "menu",
        "aria-expanded": "false",
        "aria-controls": menuId,
      },
    },
    icon("plus"),
  );
  const menu = h("div", {
    class: "menu attach-menu",
    id: menuId,
    attrs: { role: "menu", hidden: true, "aria-label": "Attach" },
  });
  const items = (): HTMLElement[] => Array.from(menu.querySelectorAll<HTMLElement>('[role="menuitem"]'));
  const close = (returnFocus: boolean) => {
    menu.hidden = true;
    trigger.setAttribute("aria-expanded", "false");
    if (returnFocus) trigger.focus();
  };
  const choose = (attachment: Attachment) => {
    close(false);
    onChoose(attachment);
  };

  menu.append(
    h("div", { class: "menu-heading", attrs: { role: "presentation" } }, "Sample exports"),
    ...samples.map((sample) =>
      h(
        "button",
        {
          class: "menu-item",
          attrs: { type: "button", role: "menuitem", tabindex: -1 },
          on: { click: () => choose({ kind: "sample", name: sample.file }) },
        },
        h("span", { class: "file-card-icon file-card-icon--sheet" }, icon("sheet")),
        h(
          "span",
          { class: "menu-item-text" },
          h("span", { class: "menu-item-label" }, sample.title),
          h(
            "span",
            { class: "menu-item-detail" },
            `${sample.platform} · ${sample.file} · ${fileSize(sample.size)}`,
          ),
        ),
      ),
    ),
    h("div", { class: "menu-separator", attrs: { role: "separator" } }),
    h(
      "button",
      {
        class: "menu-item",
        attrs: { type: "button", role: "menuitem", tabindex: -1 },
        on: {
          click: () => {
            close(false);
            picker.click();
          },
        },
      },
      h("span", { class: "file-card-icon" }, icon("upload")),
      h(
        "span",
        { class: "menu-item-text" },
        h("span", { class: "menu-item-label" }, "Upload from your computer…"),
      ),
    ),
  );

  picker.addEventListener("change", () => {
    const file = picker.files?.[0];
    if (file) onChoose({ kind: "file", file });
    picker.value = "";
  });
  trigger.addEventListener("click", () => {
    if (!menu.hidden) return close(true);
    menu.hidden = false;
    trigger.setAttribute("aria-expanded", "true");
    items()[0]?.focus();
  });
  menu.addEventListener("keydown", (event) => {
    const all = items();
    const index = all.indexOf(document.activeElement as HTMLElement);
    if (event.key === "Escape") {
      event.preventDefault();
      close(true);
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      all[(index + step + all.length) % all.length]?.focus();
    } else if (event.key === "Tab") {
      close(false);
    }
  });
  menu.addEventListener("focusout", (event) => {
    if (!menu.contains(event.relatedTarget as Node | null) && event.relatedTarget !== trigger) close(false);
  });
  return h("div", { class: "attach" }, trigger, menu, picker);
}
