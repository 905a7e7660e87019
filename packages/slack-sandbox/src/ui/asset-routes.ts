import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import type { Context, Hono } from "hono";
import { ASSETS_PATH, FAVICON_SVG, pageHtml } from "./page-html.js";
import { webAssets } from "./web-assets.js";

const require = createRequire(import.meta.url);

/** The Inter font files the page uses, from the `inter-ui` package (already a dependency for charts). */
const FONTS: Record<string, string> = {
  "InterVariable.woff2": "inter-ui/variable/InterVariable.woff2",
  "InterVariable-Italic.woff2": "inter-ui/variable/InterVariable-Italic.woff2",
};

/** Twemoji images by code points (`1f4ca.svg`, `1f44d-1f3fd.svg`), as `web/emoji-images.ts` names them. */
const EMOJI_FOLDER = pathToFileURL(require.resolve("@twemoji/svg/package.json"));
const EMOJI_FILE = /^[0-9a-f]{1,6}(-[0-9a-f]{1,6}){0,9}\.svg$/;

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
  app.get(`${ASSETS_PATH}/emoji/:file`, async (c) => {
    const file = c.req.param("file");
    if (!EMOJI_FILE.test(file)) return c.text("Not Found", 404);
    const bytes = await readFile(new URL(file, EMOJI_FOLDER)).catch(() => undefined);
    if (!bytes) return c.text("Not Found", 404);
    return c.body(new Uint8Array(bytes), 200, {
      "Content-Type": "image/svg+xml",
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
