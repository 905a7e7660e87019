import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { UiSample } from "../protocol.js";

/**
 * `samples/` at the root of the repository this workspace package lives in (`packages/slack-sandbox/`),
 * from `src/ui/` and from `dist/ui/` alike; an app elsewhere passes its own `samplesDir`.
 */
export const DEFAULT_SAMPLES_DIR = fileURLToPath(new URL("../../../../samples/", import.meta.url));

export interface SampleCatalog {
  list: UiSample[];
  /** A sample's bytes, or undefined for a name not in the catalog (never a path outside it). */
  read(file: string): Buffer | undefined;
}

interface IndexEntry {
  file: string;
  title: string;
  platform: string;
  description: string;
}

function readIndex(dir: string): IndexEntry[] {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(dir, "index.json"), "utf8"));
    return Array.isArray(parsed) ? (parsed as IndexEntry[]) : [];
  } catch {
    // Without generated samples the page still works; it just offers none.
    return [];
  }
}

/** The sample exports described by `samples/index.json` (written by `samples/generate.ts`). */
export function sampleCatalog(dir = DEFAULT_SAMPLES_DIR): SampleCatalog {
  const list: UiSample[] = [];
  for (const entry of readIndex(dir)) {
    try {
      list.push({ ...entry, size: statSync(join(dir, entry.file)).size });
    } catch {
      // A listed file that is missing is left out rather than offered and failing on click.
    }
  }
  const names = new Set(list.map((sample) => sample.file));
  return {
    list,
    read: (file) => (names.has(file) ? readFileSync(join(dir, file)) : undefined),
  };
}
