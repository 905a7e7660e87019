import { h, uniqueId } from "./dom.js";
import type { RenderContext } from "./render-context.js";
import { plainText, renderText, type TextObject } from "./text-object.js";

/** A button's `confirm` object: Slack asks before sending the click. */
export interface ConfirmObject {
  title?: TextObject;
  text?: TextObject;
  confirm?: TextObject;
  deny?: TextObject;
  style?: "primary" | "danger";
}

/** Shows the confirmation as a modal dialog; resolves true when the person confirms. */
export function askToConfirm(confirm: ConfirmObject, context: RenderContext): Promise<boolean> {
  return new Promise((resolve) => {
    const titleId = uniqueId("confirm-title");
    const dialog = h(
      "dialog",
      { class: "dialog dialog--small", attrs: { "aria-labelledby": titleId } },
      h(
        "form",
        { attrs: { method: "dialog" } },
        h("h2", { class: "dialog-title", id: titleId }, plainText(confirm.title) || "Are you sure?"),
        renderText(confirm.text, context, "mrkdwn dialog-text"),
        h(
          "div",
          { class: "dialog-actions" },
          h("button", { class: "button", attrs: { value: "deny" } }, plainText(confirm.deny) || "Cancel"),
          h(
            "button",
            {
              class: confirm.style === "danger" ? "button button--danger" : "button button--primary",
              attrs: { value: "confirm" },
            },
            plainText(confirm.confirm) || "Yes",
          ),
        ),
      ),
    );
    dialog.addEventListener("close", () => {
      resolve(dialog.returnValue === "confirm");
      dialog.remove();
    });
    document.body.appendChild(dialog);
    dialog.showModal();
  });
}
