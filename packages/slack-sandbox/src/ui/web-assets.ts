import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * The page's two assets: `main.js`, one browser bundle of `web/` (and the shared `protocol.ts`), and
 * `app.css`, the stylesheets under `styles/`. `npm run build` writes them to `dist/assets/` once (this file,
 * run as a script); started from source (tsx, vitest) there is no `dist/assets/`, so esbuild bundles them in
 * memory on first use, once per process. Either way no request compiles anything.
 */
export interface WebAssets {
  js: string;
  css: string;
}

/** `src/ui/` and `dist/ui/` sit at the same depth, so the sources are found from either. */
const SOURCES = new URL("../../src/ui/", import.meta.url);
const BUILT = new URL("../assets/", import.meta.url);

/** Bundles the page's script and stylesheet with esbuild (a development dependency). */
export async function bundleWebAssets(): Promise<WebAssets> {
  const esbuild = await import("esbuild");
  const bundle = (entry: string) =>
    esbuild.build({
      entryPoints: [fileURLToPath(new URL(entry, SOURCES))],
      bundle: true,
      write: false,
      format: "esm",
      target: "es2022",
      charset: "utf8",
      legalComments: "none",
      // The font URLs in the stylesheet are the server's own routes, not files to bundle.
      external: ["/sandbox/*"],
      logLevel: "silent",
    });
  const [js, css] = await Promise.all([bundle("web/main.ts"), bundle("styles/app.css")]);
  return { js: js.outputFiles[0]?.text ?? "", css: css.outputFiles[0]?.text ?? "" };
}

let loading: Promise<WebAssets> | undefined;

/** The built assets when present, else a bundle made now and kept for the life of the process. */
export function webAssets(): Promise<WebAssets> {
  loading ??= existsSync(new URL("main.js", BUILT))
    ? Promise.resolve({
        js: readFileSync(new URL("main.js", BUILT), "utf8"),
        css: readFileSync(new URL("app.css", BUILT), "utf8"),
      })
    : bundleWebAssets().catch((error: unknown) => {
        loading = undefined;
        throw error;
      });
  return loading;
}

/** `node dist/ui/web-assets.js` (the package's build): writes `dist/assets/main.js` and `app.css`. */
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const assets = await bundleWebAssets();
  mkdirSync(BUILT, { recursive: true });
  writeFileSync(new URL("main.js", BUILT), assets.js);
  writeFileSync(new URL("app.css", BUILT), assets.css);
}
