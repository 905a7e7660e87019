import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Context, Hono } from "hono";
import { ASSETS_PATH, FAVICON_SVG, pageHtml } from "./page-html.js";
import { webAssets } from "./web-assets.js";

const require = createRequire(import.meta.url);

/** The Inter font files the page uses, from the `inter-ui` package (already a dependency for charts). */
const FONTS: Record<string, string> = {
  "InterVariable.woff2": "inter-ui/variable/InterVariable.woff2",
  "InterVariable-Italic.woff2": "inter-ui/variable/InterVariable-Italic.woff2",
};

/** Noto Color Emoji in subsets by code point (`@fontsource/noto-color-emoji`): emoji never depend on the
 * machine's fonts, and a page loads only the subsets its emoji fall in. */
const EMOJI_CSS = "@fontsource/noto-color-emoji/index.css";
const EMOJI_FILE = /^noto-color-emoji-\d{1,2}-400-normal\.woff2$/;

/**
 * Scripts and styles only from this origin; images may also come from https (an app's `image_url`);
 * nothing may frame the page.
 */
const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** The page at `/` and `/sandbox`, and its assets under `/sandbox/assets/`. */
export function addAssetRoutes(app: Hono, title: () => string): void {
  const page = (c: Context) =>
    c.html(pageHtml(title()), 200, {
      "Content-Security-Policy": PAGE_POLICY,
      "Cache-Control": "no-cache",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    });
  app.get("/", page);
  app.get("/sandbox", page);
  app.get("/sandbox/", page);

  app.get(`${ASSETS_PATH}/app.css`, async (c) =>
    c.body((await webAssets()).css, 200, {
      "Content-Type": "text/css; charset=utf-8",
      "Cache-Control": "no-cache",
    }),
  );
  app.get(`${ASSETS_PATH}/favicon.svg`, (c) =>
    c.body(FAVICON_SVG, 200, { "Content-Type": "image/svg+xml", "Cache-Control": "max-age=86400" }),
  );
  app.get(`${ASSETS_PATH}/js/main.js`, async (c) =>
    c.body((await webAssets()).js, 200, {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "no-cache",
    }),
  );
  app.get(`${ASSETS_PATH}/emoji.css`, async (c) => {
    const css = await readFile(require.resolve(EMOJI_CSS), "utf8");
    // Only the woff2 files, under this server's own route.
    const local = css
      .replaceAll("url(./files/", `url(${ASSETS_PATH}/fonts/emoji/`)
      .replace(/, url\([^)]*\.woff\) format\('woff'\)/g, "");
    return c.body(local, 200, {
      "Content-Type": "text/css; charset=utf-8",
      "Cache-Control": "max-age=86400",
    });
  });
  app.get(`${ASSETS_PATH}/fonts/emoji/:file`, async (c) => {
    const file = c.req.param("file");
    if (!EMOJI_FILE.test(file)) return c.text("Not Found", 404);
    const bytes = await readFile(require.resolve(`@fontsource/noto-color-emoji/files/${file}`));
    return c.body(new Uint8Array(bytes), 200, {
      "Content-Type": "font/woff2",
      "Cache-Control": "max-age=31536000, immutable",
    });
  });
  app.get(`${ASSETS_PATH}/fonts/:file`, async (c) => {
    const source = FONTS[c.req.param("file")];
    if (!source) return c.text("Not Found", 404);
    const bytes = await readFile(require.resolve(source));
    return c.body(new Uint8Array(bytes), 200, {
      "Content-Type": "font/woff2",
      "Cache-Control": "max-age=31536000, immutable",
    });
  });
}
