import { askToConfirm, type ConfirmObject } from "./confirm-dialog.js";
import { h, safeHref } from "./dom.js";
import { icon } from "./icons.js";
import type { RenderContext } from "./render-context.js";
import { plainText, renderText, type TextObject } from "./text-object.js";

/** The interactive and image elements of Block Kit, as found in actions, sections and context blocks. */
export interface BlockElement {
  type?: string;
  action_id?: string;
  text?: TextObject;
  value?: string;
  url?: string;
  style?: "primary" | "danger";
  confirm?: ConfirmObject;
  accessibility_label?: string;
  placeholder?: TextObject;
  options?: Option[];
  option_groups?: { label?: TextObject; options?: Option[] }[];
  initial_option?: Option;
  initial_options?: Option[];
  initial_date?: string;
  image_url?: string;
  slack_file?: { id?: string; url?: string };
  alt_text?: string;
}

interface Option {
  text?: TextObject;
  value?: string;
  description?: TextObject;
}

/** An image's URL: an external `image_url`, or a Slack file served by the sandbox. */
export function imageSource(
  element: { image_url?: string; slack_file?: { id?: string; url?: string } },
  context: RenderContext,
): string | undefined {
  if (element.slack_file?.id) return context.fileUrl(element.slack_file.id);
  const fileUrl = element.slack_file?.url ?? element.image_url ?? "";
  // A Slack file URL (files-pri/<team>-<file>/...) points at a file the sandbox holds.
  const slackFile = /\/files-pri\/[A-Z0-9]+-(F[A-Z0-9]+)\//.exec(fileUrl);
  if (slackFile?.[1]) return context.fileUrl(slackFile[1]);
  return safeHref(fileUrl);
}

/** Runs a click: asks first when the element has `confirm`, shows progress, reports a failure. */
async function activate(
  control: HTMLButtonElement | HTMLSelectElement | HTMLInputElement,
  element: BlockElement,
  blockId: string | undefined,
  value: string | undefined,
  context: RenderContext,
): Promise<void> {
  if (element.confirm && !(await askToConfirm(element.confirm, context))) return;
  if (element.url) {
    const href = safeHref(element.url);
    if (href) window.open(href, "_blank", "noopener,noreferrer");
  }
  control.setAttribute("aria-busy", "true");
  control.classList.add("is-busy");
  try {
    await context.act({
      actionId: element.action_id ?? "",
      ...(blockId ? { blockId } : {}),
      ...(value !== undefined ? { value } : {}),
    });
  } finally {
    control.removeAttribute("aria-busy");
    control.classList.remove("is-busy");
  }
}

function button(element: BlockElement, blockId: string | undefined, context: RenderContext): HTMLElement {
  const style = element.style ? ` bk-button--${element.style}` : "";
  const control = h(
    "button",
    {
      class: `bk-button${style}`,
      attrs: { type: "button", "aria-label": element.accessibility_label },
    },
    plainText(element.text),
    element.url ? icon("external", "icon icon--small") : null,
  );
  control.addEventListener("click", () => {
    if (control.classList.contains("is-busy")) return;
    void activate(control, element, blockId, element.value, context);
  });
  return control;
}

function allOptions(element: BlockElement): Option[] {
  return [
    ...(element.options ?? []),
    ...(element.option_groups ?? []).flatMap((group) => group.options ?? []),
  ];
}

function select(element: BlockElement, blockId: string | undefined, context: RenderContext): HTMLElement {
  const options = allOptions(element);
  const control = h(
    "select",
    {
      class: "bk-select",
      attrs: {
        "aria-label": plainText(element.placeholder) || "Choose an option",
        disabled: options.length === 0,
      },
    },
    h(
      "option",
      { attrs: { value: "", disabled: true, selected: !element.initial_option } },
      plainText(element.placeholder) || "Select…",
    ),
    options.map((option) =>
      h(
        "option",
        { attrs: { value: option.value ?? "", selected: option.value === element.initial_option?.value } },
        plainText(option.text),
      ),
    ),
  );
  control.addEventListener("change", () => void activate(control, element, blockId, control.value, context));
  return control;
}

function overflow(element: BlockElement, blockId: string | undefined, context: RenderContext): HTMLElement {
  const menu = h("div", { class: "bk-overflow-menu", attrs: { role: "menu", hidden: true } });
  const trigger = h(
    "button",
    {
      class: "bk-button bk-overflow",
      attrs: {
        type: "button",
        "aria-haspopup": "menu",
        "aria-expanded": "false",
        "aria-label": "More actions",
      },
    },
    "⋯",
  );
  const close = () => {
    menu.hidden = true;
    trigger.setAttribute("aria-expanded", "false");
  };
  for (const option of element.options ?? []) {
    const item = h(
      "button",
      { class: "bk-overflow-item", attrs: { type: "button", role: "menuitem" } },
      plainText(option.text),
    );
    item.addEventListener("click", () => {
      close();
      void activate(trigger, element, blockId, option.value, context);
    });
    menu.appendChild(item);
  }
  trigger.addEventListener("click", () => {
    menu.hidden = !menu.hidden;
    trigger.setAttribute("aria-expanded", String(!menu.hidden));
    if (!menu.hidden) (menu.firstElementChild as HTMLElement | null)?.focus();
  });
  menu.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      close();
      trigger.focus();
    }
  });
  return h("div", { class: "bk-overflow-wrap" }, trigger, menu);
}

function datepicker(element: BlockElement, blockId: string | undefined, context: RenderContext): HTMLElement {
  const control = h("input", {
    class: "bk-input",
    attrs: {
      type: "date",
      value: element.initial_date,
      "aria-label": plainText(element.placeholder) || "Pick a date",
    },
  });
  control.addEventListener("change", () => void activate(control, element, blockId, control.value, context));
  return control;
}

function choices(element: BlockElement, blockId: string | undefined, context: RenderContext): HTMLElement {
  const kind = element.type === "radio_buttons" ? "radio" : "checkbox";
  const name = `${blockId ?? ""}-${element.action_id ?? ""}`;
  const initial = new Set(
    [...(element.initial_options ?? []), ...(element.initial_option ? [element.initial_option] : [])].map(
      (o) => o.value,
    ),
  );
  return h(
    "fieldset",
    { class: "bk-choices" },
    (element.options ?? []).map((option) => {
      const input = h("input", {
        attrs: { type: kind, name, value: option.value ?? "", checked: initial.has(option.value) },
      });
      input.addEventListener("change", () => void activate(input, element, blockId, option.value, context));
      return h(
        "label",
        { class: "bk-choice" },
        input,
        renderText(option.text, context, "mrkdwn bk-choice-text"),
      );
    }),
  );
}

export function imageElement(element: BlockElement, context: RenderContext, className: string): HTMLElement {
  const src = imageSource(element, context);
  return src
    ? h("img", { class: className, attrs: { src, alt: element.alt_text ?? "", loading: "lazy" } })
    : h("span", {
        class: `${className} bk-image-missing`,
        attrs: { role: "img", "aria-label": element.alt_text ?? "image" },
      });
}

/** One element of an actions block or a section accessory. */
export function renderElement(
  element: BlockElement,
  blockId: string | undefined,
  context: RenderContext,
): HTMLElement {
  switch (element.type) {
    case "button":
    case "workflow_button":
      return button(element, blockId, context);
    case "static_select":
    case "external_select":
    case "users_select":
    case "conversations_select":
    case "channels_select":
      return select(element, blockId, context);
    case "overflow":
      return overflow(element, blockId, context);
    case "datepicker":
      return datepicker(element, blockId, context);
    case "checkboxes":
    case "radio_buttons":
      return choices(element, blockId, context);
    case "image":
      return imageElement(element, context, "bk-accessory-image");
    default:
      return h("span", { class: "bk-unsupported" }, `[${element.type ?? "element"}]`);
  }
}
