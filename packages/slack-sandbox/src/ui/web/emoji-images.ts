import { parse } from "@twemoji/parser";
import { ASSETS_PATH } from "../page-html.js";

/**
 * Emoji drawn as Twemoji images, as Slack draws them, so they never depend on the machine's fonts (an
 * emoji font may be missing, and Chrome draws no glyph from colour fonts in the SVG format). The sandbox
 * serves the images itself (`asset-routes.ts`).
 */

/** Every emoji has a code point from U+00A9 (©) up: plain ASCII text, the common case, skips the parser. */
const MAYBE_EMOJI = /[\u00a9-\u{10ffff}]/u;
/** A lone character that is text by default (✔, ↗, ℹ without U+FE0F) stays text, as Unicode says. */
const TEXT_BY_DEFAULT = /^\P{Emoji_Presentation}$/u;

function emojiImage(text: string, codepoints: string): HTMLImageElement {
  const image = document.createElement("img");
  image.className = "emoji";
  image.alt = text;
  image.draggable = false;
  image.src = `${ASSETS_PATH}/emoji/${codepoints}.svg`;
  // An emoji newer than the bundled images stays as typed rather than a broken image.
  image.addEventListener("error", () => image.replaceWith(text), { once: true });
  return image;
}

/** The text as text nodes and emoji images, in order. */
export function withEmojiImages(text: string): Node[] {
  if (!MAYBE_EMOJI.test(text)) return [document.createTextNode(text)];
  const nodes: Node[] = [];
  let last = 0;
  for (const entity of parse(text, { buildUrl: (codepoints) => codepoints })) {
    const [start, end] = entity.indices;
    if (TEXT_BY_DEFAULT.test(entity.text) || !entity.url) continue;
    if (start > last) nodes.push(document.createTextNode(text.slice(last, start)));
    nodes.push(emojiImage(entity.text, entity.url));
    last = end;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}
