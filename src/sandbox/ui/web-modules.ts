import { readFile, stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";

/**
 * The page's ES modules, from `web/`. The build (tsc) compiles them next to the server's own files, so
 * `dist/` serves the emitted `.js`. Run from source (tsx, vitest) there is only `.ts`: it is transpiled on
 * request with the TypeScript compiler, a development dependency that is present whenever sources are.
 */
const WEB_DIR = new URL("./web/", import.meta.url);

/** Module names as the page imports them: lowercase kebab-case, nothing that could leave `web/`. */
export const MODULE_NAME = /^[a-z0-9-]+$/;

interface Cached {
  mtimeMs: number;
  code: string;
}

async function mtimeOf(url: URL): Promise<number | undefined> {
  try {
    return (await stat(fileURLToPath(url))).mtimeMs;
  } catch {
    return undefined;
  }
}

async function transpile(source: string, fileName: string): Promise<string> {
  const ts = (await import("typescript")).default;
  return ts.transpileModule(source, {
    fileName,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      verbatimModuleSyntax: true,
      sourceMap: false,
    },
  }).outputText;
}

export function webModules() {
  const cache = new Map<string, Cached>();
  return async (name: string): Promise<string | undefined> => {
    if (!MODULE_NAME.test(name)) return undefined;
    const compiled = new URL(`${name}.js`, WEB_DIR);
    const source = new URL(`${name}.ts`, WEB_DIR);
    const compiledTime = await mtimeOf(compiled);
    const url = compiledTime !== undefined ? compiled : source;
    const mtimeMs = compiledTime ?? (await mtimeOf(source));
    if (mtimeMs === undefined) return undefined;
    const cached = cache.get(name);
    if (cached?.mtimeMs === mtimeMs) return cached.code;
    const text = await readFile(fileURLToPath(url), "utf8");
    const code = url === compiled ? text : await transpile(text, `${name}.ts`);
    cache.set(name, { mtimeMs, code });
    return code;
  };
}
