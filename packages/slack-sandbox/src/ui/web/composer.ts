import { ApiError, type Attachment, runCommand, sendMessage, uploadFile } from "./api.js";
import { attachMenu } from "./attach-menu.js";
import {
  commandSuggestions,
  mentionBeforeCaret,
  mentionSuggestions,
  typedCommand,
} from "./composer-suggestions.js";
import { h, uniqueId } from "./dom.js";
import { fileSize } from "./format.js";
import { icon } from "./icons.js";
import type { Page } from "./page.js";
import { type Suggestion, SuggestionMenu } from "./suggestion-menu.js";

export interface ComposerOptions {
  page: Page;
  channel: string;
  threadTs?: string;
  /** "Message #marketing", "Reply…" */
  placeholder: string;
  id?: string;
}

/**
 * Slack's message box: Enter sends, Shift+Enter breaks the line, "/" offers the app's commands, "@"
 * offers people, "+" or a dropped file attaches an export that is uploaded with the message.
 */
export class Composer {
  readonly element: HTMLFormElement;
  private readonly input: HTMLTextAreaElement;
  private readonly menu: SuggestionMenu;
  private readonly chip: HTMLElement;
  private readonly hint: HTMLElement;
  private readonly error: HTMLElement;
  private readonly sendButton: HTMLButtonElement;
  private attachment: Attachment | undefined;
  private busy = false;

  constructor(private readonly options: ComposerOptions) {
    const { page } = options;
    const hintId = uniqueId("composer-hint");
    this.input = h("textarea", {
      class: "composer-input",
      id: options.id,
      attrs: {
        rows: 1,
        placeholder: options.placeholder,
        "aria-label": options.placeholder,
        "aria-describedby": hintId,
        autocomplete: "off",
        spellcheck: "true",
      },
    });
    this.menu = new SuggestionMenu(this.input, "Suggestions", (suggestion) => this.pick(suggestion));
    this.chip = h("div", { class: "composer-attachment", attrs: { hidden: true } });
    this.hint = h("div", { class: "composer-usage", attrs: { hidden: true, "aria-live": "polite" } });
    this.error = h("p", { class: "composer-error", attrs: { role: "alert", hidden: true } });
    this.sendButton = h(
      "button",
      {
        class: "composer-send",
        attrs: { type: "submit", "aria-label": "Send", title: "Send (Enter)", disabled: true },
      },
      icon("send"),
    );
    const tools = h(
      "div",
      { class: "composer-toolbar" },
      attachMenu(page.state.snapshot?.samples ?? [], (attachment) => this.attach(attachment)),
      h(
        "button",
        {
          class: "icon-button composer-tool",
          attrs: { type: "button", "aria-label": "Mention someone", title: "Mention someone" },
          on: { click: () => this.insertAtCaret("@") },
        },
        icon("at"),
      ),
      h(
        "button",
        {
          class: "icon-button composer-tool",
          attrs: { type: "button", "aria-label": "Run a slash command", title: "Run a slash command" },
          on: { click: () => this.startCommand() },
        },
        icon("slash"),
      ),
      h(
        "span",
        { class: "composer-hint", id: hintId },
        h("kbd", {}, "Enter"),
        " to send · ",
        h("kbd", {}, "Shift + Enter"),
        " for a new line",
      ),
      this.sendButton,
    );
    this.element = h(
      "form",
      { class: "composer", attrs: { "aria-label": options.threadTs ? "Reply in thread" : "Send a message" } },
      this.menu.element,
      h("div", { class: "composer-box" }, this.chip, this.input, this.hint, tools),
      this.error,
    );
    this.element.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.send();
    });
    this.input.addEventListener("keydown", (event) => this.onKeyDown(event));
    this.input.addEventListener("input", () => this.onInput());
    this.input.addEventListener("blur", () => this.menu.hide());
  }

  focus(): void {
    this.input.focus();
  }

  /** Attaches a file or sample; it is uploaded with the next message. */
  attach(attachment: Attachment): void {
    this.attachment = attachment;
    const name = attachment.kind === "file" ? attachment.file.name : attachment.name;
    const detail = attachment.kind === "file" ? fileSize(attachment.file.size) : "Sample export";
    this.chip.replaceChildren(
      h("span", { class: "file-card-icon file-card-icon--sheet" }, icon("sheet")),
      h(
        "span",
        { class: "file-card-text" },
        h("span", { class: "file-card-name" }, name),
        h("span", { class: "file-card-meta" }, detail),
      ),
      h(
        "button",
        {
          class: "icon-button",
          attrs: { type: "button", "aria-label": `Remove ${name}` },
          on: {
            click: () => {
              this.clearAttachment();
              this.focus();
            },
          },
        },
        icon("close"),
      ),
    );
    this.chip.hidden = false;
    this.updateSendState();
    this.options.page.announce(`${name} attached. Press Enter to upload it.`);
    this.focus();
  }

  private clearAttachment(): void {
    this.attachment = undefined;
    this.chip.hidden = true;
    this.chip.replaceChildren();
    this.updateSendState();
  }

  private updateSendState(): void {
    this.sendButton.disabled = this.busy || (this.input.value.trim() === "" && !this.attachment);
  }

  private autoGrow(): void {
    this.input.style.height = "auto";
    this.input.style.height = `${Math.min(this.input.scrollHeight, window.innerHeight * 0.4)}px`;
  }

  private insertAtCaret(text: string): void {
    const { selectionStart, selectionEnd, value } = this.input;
    const before = value.slice(0, selectionStart);
    const spacer = before === "" || /\s$/.test(before) ? "" : " ";
    this.input.value = `${before}${spacer}${text}${value.slice(selectionEnd)}`;
    const caret = before.length + spacer.length + text.length;
    this.input.setSelectionRange(caret, caret);
    this.focus();
    this.onInput();
  }

  private startCommand(): void {
    if (!this.input.value.startsWith("/")) this.input.value = `/${this.input.value}`;
    this.input.setSelectionRange(1, 1);
    this.focus();
    this.onInput();
  }

  private commands() {
    return this.options.page.state.snapshot?.commands ?? [];
  }

  private onInput(): void {
    this.autoGrow();
    this.updateSendState();
    this.error.hidden = true;
    const command = typedCommand(this.input.value);
    const mention = mentionBeforeCaret(this.input.value.slice(0, this.input.selectionStart));
    if (command && !command.finished) {
      this.menu.show(
        commandSuggestions(this.commands(), command.name),
        `Commands matching "${command.name}"`,
      );
    } else if (mention !== undefined) {
      this.menu.show(mentionSuggestions(this.options.page.state, mention), "People");
    } else {
      this.menu.hide();
    }
    const usage = command?.finished
      ? this.commands().find((known) => known.command === command.name)
      : undefined;
    this.hint.hidden = !usage;
    this.hint.replaceChildren(
      usage ? h("span", {}, h("strong", {}, usage.command), ` ${usage.usageHint}`) : "",
    );
  }

  private pick(suggestion: Suggestion): void {
    const value = this.input.value;
    if (value.startsWith("/") && !/\s/.test(value)) {
      this.input.value = suggestion.insert;
    } else {
      const caret = this.input.selectionStart;
      const before = value.slice(0, caret).replace(/@[\w.-]*$/, suggestion.insert);
      this.input.value = `${before}${value.slice(caret)}`;
      this.input.setSelectionRange(before.length, before.length);
    }
    this.menu.hide();
    this.onInput();
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.isComposing) return;
    if (this.menu.isOpen) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        this.menu.move(event.key === "ArrowDown" ? 1 : -1);
        return;
      }
      if ((event.key === "Enter" && !event.shiftKey) || event.key === "Tab") {
        const current = this.menu.current();
        if (current) {
          event.preventDefault();
          this.pick(current);
          return;
        }
      }
      if (event.key === "Escape") {
        event.preventDefault();
        this.menu.hide();
        return;
      }
    }
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      void this.send();
    }
  }

  private showError(message: string): void {
    this.error.textContent = message;
    this.error.hidden = false;
  }

  private async send(): Promise<void> {
    if (this.busy) return;
    const text = this.input.value.trim();
    if (!text && !this.attachment) return;
    const { channel, threadTs } = this.options;
    this.busy = true;
    this.updateSendState();
    try {
      if (this.attachment) {
        await uploadFile(channel, this.attachment, text, threadTs);
        this.clearAttachment();
      } else if (text.startsWith("/")) {
        const command = text.split(/\s+/, 1)[0] ?? "";
        if (!this.commands().some((known) => known.command === command)) {
          const names = this.commands()
            .map((known) => known.command)
            .join(" or ");
          this.showError(`${command} is not a valid command.${names ? ` Try ${names}.` : ""}`);
          return;
        }
        await runCommand(channel, command, text.slice(command.length).trim());
      } else {
        await sendMessage(channel, text, threadTs);
      }
      this.input.value = "";
      this.onInput();
    } catch (error) {
      this.showError(
        error instanceof ApiError
          ? error.message
          : "The message could not be sent. Is the sandbox still running?",
      );
    } finally {
      this.busy = false;
      this.updateSendState();
    }
  }
}
