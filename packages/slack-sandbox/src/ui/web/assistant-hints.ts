import { ApiError, sendMessage } from "./api.js";
import { h } from "./dom.js";
import type { Page } from "./page.js";

/** "analyst is analysing…": the status an app sets with `assistant.threads.setStatus`. */
export function statusLine(page: Page, channel: string, threadTs: string | undefined): HTMLElement {
  const status = threadTs ? page.state.status(channel, threadTs) : undefined;
  const name = page.state.snapshot?.bot.name ?? "The app";
  return h(
    "div",
    { class: "typing", attrs: { role: "status", hidden: !status } },
    status
      ? [
          h(
            "span",
            { class: "typing-dots", attrs: { "aria-hidden": "true" } },
            h("span"),
            h("span"),
            h("span"),
          ),
          h("span", {}, `${name} ${status}`),
        ]
      : null,
  );
}

/** Suggested prompts (`assistant.threads.setSuggestedPrompts`) as chips that send their message. */
export function promptChips(page: Page, channel: string, threadTs: string | undefined): HTMLElement | null {
  const prompts = page.state.suggestedPrompts(channel, threadTs);
  if (!prompts || prompts.prompts.length === 0) return null;
  return h(
    "div",
    { class: "prompt-chips", attrs: { role: "group", "aria-label": prompts.title ?? "Suggested prompts" } },
    prompts.title ? h("span", { class: "prompt-chips-title" }, prompts.title) : null,
    prompts.prompts.map((prompt) =>
      h(
        "button",
        {
          class: "chip",
          attrs: { type: "button" },
          on: {
            click: () =>
              void sendMessage(channel, prompt.message, threadTs).catch((error: unknown) =>
                page.notify(
                  error instanceof ApiError ? error.message : "The prompt could not be sent.",
                  "error",
                ),
              ),
          },
        },
        prompt.title,
      ),
    ),
  );
}
