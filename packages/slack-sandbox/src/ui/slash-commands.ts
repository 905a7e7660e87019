import type { UiSlashCommand } from "../protocol.js";

/**
 * The app's slash commands as the composer suggests them. They mirror `features.slash_commands` of the
 * app manifest (command, description, usage hint); pass the manifest's list to show exactly those.
 */
export const DEFAULT_SLASH_COMMANDS: readonly UiSlashCommand[] = [
  {
    command: "/report",
    description: "The channel's latest dataset as a report: KPIs, top and bottom performers, charts",
    usageHint: "[dataset|period] [by dimension]",
  },
  {
    command: "/alert",
    description: "Alert rules for this channel: add, list or remove",
    usageHint: "add roas < 2 window 24h | list | remove <id>",
  },
];

interface ManifestCommand {
  command?: unknown;
  description?: unknown;
  usage_hint?: unknown;
}

/** The commands of an app manifest (`features.slash_commands`), in the page's form. */
export function commandsFromManifest(manifest: unknown): UiSlashCommand[] {
  const features = (manifest as { features?: { slash_commands?: ManifestCommand[] } } | null)?.features;
  return (features?.slash_commands ?? [])
    .filter((entry) => typeof entry.command === "string")
    .map((entry) => ({
      command: String(entry.command),
      description: typeof entry.description === "string" ? entry.description : "",
      usageHint: typeof entry.usage_hint === "string" ? entry.usage_hint : "",
    }));
}
