import { h, uniqueId } from "./dom.js";

/** One entry of the composer's autocomplete: a slash command or a person to mention. */
export interface Suggestion {
  label: string;
  detail?: string;
  hint?: string;
  leading?: Element;
  /** What replaces the typed fragment when picked. */
  insert: string;
}

/**
 * The listbox under the composer that offers commands after "/" and people after "@". Focus stays in the
 * text box; the active option is announced through `aria-activedescendant`.
 */
export class SuggestionMenu {
  readonly element: HTMLElement;
  private items: Suggestion[] = [];
  private active = 0;
  private readonly optionIds: string[] = [];

  constructor(
    private readonly input: HTMLTextAreaElement,
    label: string,
    private readonly onPick: (suggestion: Suggestion) => void,
  ) {
    this.element = h("div", {
      class: "suggestions",
      id: uniqueId("suggestions"),
      attrs: { role: "listbox", "aria-label": label, hidden: true },
    });
    input.setAttribute("aria-controls", this.element.id);
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  show(items: Suggestion[], heading: string): void {
    if (items.length === 0) {
      this.hide();
      return;
    }
    this.items = items;
    this.active = Math.min(this.active, items.length - 1);
    this.optionIds.length = 0;
    this.element.replaceChildren(
      h("div", { class: "suggestions-heading", attrs: { "aria-hidden": "true" } }, heading),
      ...items.map((item, index) => {
        const id = uniqueId("suggestion");
        this.optionIds.push(id);
        const option = h(
          "div",
          {
            class: "suggestion",
            id,
            attrs: { role: "option", "aria-selected": String(index === this.active) },
            on: {
              mousedown: (event) => {
                // Keep focus in the text box while choosing with the mouse.
                event.preventDefault();
                this.onPick(item);
              },
            },
          },
          item.leading ?? null,
          h("span", { class: "suggestion-label" }, item.label),
          item.hint ? h("span", { class: "suggestion-hint" }, item.hint) : null,
          item.detail ? h("span", { class: "suggestion-detail" }, item.detail) : null,
        );
        return option;
      }),
    );
    this.element.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
    this.highlight();
  }

  hide(): void {
    this.element.hidden = true;
    this.items = [];
    this.active = 0;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  }

  move(delta: number): void {
    if (this.items.length === 0) return;
    this.active = (this.active + delta + this.items.length) % this.items.length;
    this.highlight();
  }

  current(): Suggestion | undefined {
    return this.items[this.active];
  }

  private highlight(): void {
    this.element.querySelectorAll('[role="option"]').forEach((option, index) => {
      option.setAttribute("aria-selected", String(index === this.active));
    });
    const id = this.optionIds[this.active];
    if (id) {
      this.input.setAttribute("aria-activedescendant", id);
      document.getElementById(id)?.scrollIntoView({ block: "nearest" });
    }
  }
}
