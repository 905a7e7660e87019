import type { Page } from "playwright-core";

/**
 * Text on the page below WCAG AA contrast: 4.5:1, or 3:1 for large text (24px, or 18.66px bold). The
 * background is the first opaque one behind the text; text over images or gradients is not judged.
 */
export function lowContrastText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const parse = (color: string): [number, number, number, number] => {
      const parts = color.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0];
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
    };
    const luminance = ([r, g, b]: number[]) => {
      const channel = (value: number) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r ?? 0) + 0.7152 * channel(g ?? 0) + 0.0722 * channel(b ?? 0);
    };
    const background = (element: Element | null): number[] | undefined => {
      for (let node = element; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.backgroundImage !== "none") return undefined;
        const color = parse(style.backgroundColor);
        if (color[3] >= 0.99) return color;
      }
      return [255, 255, 255];
    };
    const failures: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || !node.textContent?.trim()) continue;
      const rect = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (
        rect.width === 0 ||
        style.visibility === "hidden" ||
        element.closest("[hidden], [aria-hidden='true'], .visually-hidden, button:disabled")
      )
        continue;
      const back = background(element);
      if (!back) continue;
      const [r, g, b, alpha] = parse(style.color);
      // Translucent text is blended over its background, as the eye sees it.
      const fore = [r, g, b].map((value, index) => value * alpha + (back[index] ?? 255) * (1 - alpha));
      const lighter = Math.max(luminance(fore), luminance(back));
      const darker = Math.min(luminance(fore), luminance(back));
      const ratio = (lighter + 0.05) / (darker + 0.05);
      const size = Number.parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5))
        failures.push(`${ratio.toFixed(2)} "${node.textContent.trim().slice(0, 40)}" (${element.className})`);
    }
    return failures;
  });
}
