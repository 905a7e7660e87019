import { h } from "./dom.js";
import { withEmoji } from "./emoji.js";
import { renderMrkdwn } from "./mrkdwn.js";
import type { RenderContext } from "./render-context.js";

/** A Block Kit text object: `{ type: "plain_text" | "mrkdwn", text, emoji?, verbatim? }`. */
export interface TextObject {
  type?: string;
  text?: string;
  emoji?: boolean;
}

export function plainText(object: TextObject | undefined): string {
  if (!object?.text) return "";
  return object.type === "plain_text" && object.emoji !== false ? withEmoji(object.text) : object.text;
}

export function renderText(
  object: TextObject | undefined,
  context: RenderContext,
  className = "mrkdwn",
): HTMLElement {
  if (object?.type === "mrkdwn") return renderMrkdwn(object.text ?? "", context, className);
  return h("div", { class: `${className} plain-text` }, plainText(object));
}
