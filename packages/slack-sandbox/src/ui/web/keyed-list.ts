/**
 * Keeps a container's children in step with a list of keyed items, re-rendering only items whose version
 * changed. Messages that did not change keep their DOM node, so focus, selection and loaded images survive
 * a new message arriving.
 */
export interface KeyedItem {
  key: string;
  version: string;
  render(): HTMLElement;
}

const rendered = new WeakMap<Element, { key: string; version: string }>();

export function reconcile(container: HTMLElement, items: readonly KeyedItem[]): void {
  const existing = new Map<string, HTMLElement>();
  for (const child of Array.from(container.children)) {
    const meta = rendered.get(child);
    if (meta && child instanceof HTMLElement) existing.set(meta.key, child);
    else child.remove();
  }
  let cursor: Element | null = container.firstElementChild;
  for (const item of items) {
    let node = existing.get(item.key);
    existing.delete(item.key);
    if (!node || rendered.get(node)?.version !== item.version) {
      const fresh = item.render();
      rendered.set(fresh, { key: item.key, version: item.version });
      if (node) {
        // A keyboard user inside a message that the app just updated stays on that message.
        const hadFocus = node.contains(document.activeElement);
        node.replaceWith(fresh);
        if (hadFocus) fresh.focus({ preventScroll: true });
        if (cursor === node) cursor = fresh;
      }
      node = fresh;
    }
    if (node !== cursor) container.insertBefore(node, cursor);
    else cursor = cursor.nextElementSibling;
  }
  for (const leftover of existing.values()) leftover.remove();
}
