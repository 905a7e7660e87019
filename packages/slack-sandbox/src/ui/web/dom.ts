import { withEmojiImages } from "./emoji-images.js";

/** A tiny element builder: the page is built from DOM nodes, never from HTML strings. */

export type Child = Node | string | number | null | undefined | false | readonly Child[];

type Handlers = { [E in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[E]) => void };

export interface Props {
  class?: string;
  id?: string;
  /** Attributes (`aria-*`, `role`, `type`...): `false` and `undefined` leave them out, `true` sets "". */
  attrs?: Record<string, string | number | boolean | undefined>;
  dataset?: Record<string, string>;
  on?: Handlers;
}

/** Elements whose content is text only: an emoji image inside them would not show. */
const TEXT_ONLY = new Set(["OPTION", "TEXTAREA", "TITLE"]);

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else if (TEXT_ONLY.has(parent.nodeName)) parent.appendChild(document.createTextNode(String(child)));
    else for (const node of withEmojiImages(String(child))) parent.appendChild(node);
  }
}

function setAttributes(element: Element, attrs: Props["attrs"]): void {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class) element.className = props.class;
  if (props.id) element.id = props.id;
  setAttributes(element, props.attrs);
  for (const [key, value] of Object.entries(props.dataset ?? {})) element.dataset[key] = value;
  for (const [type, handler] of Object.entries(props.on ?? {})) {
    element.addEventListener(type, handler as EventListener);
  }
  append(element, children);
  return element;
}

/** Replaces an element's children. */
export function fill(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

let idCounter = 0;

/** A document-unique id for `aria-labelledby` and friends. */
export function uniqueId(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** Only these schemes become links; anything else (javascript:, data:) stays text. */
export function safeHref(url: string): string | undefined {
  try {
    const parsed = new URL(url, window.location.href);
    return ["http:", "https:", "mailto:"].includes(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

export function externalLink(href: string, ...children: Child[]): HTMLAnchorElement {
  return h("a", { attrs: { href, target: "_blank", rel: "noopener noreferrer" } }, ...children);
}
