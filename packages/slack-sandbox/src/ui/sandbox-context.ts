import type { SlackEmulator } from "../emulator/index.js";
import type { LiveDataResult, UiSlashCommand } from "../protocol.js";
import type { ChannelDirectory } from "./channel-directory.js";
import type { SampleCatalog } from "./sample-catalog.js";

/** Where alerts go in the sandbox, and the rule the page offers to create there. */
export interface SandboxAlerts {
  channel: string;
  /** Text after `/alert add`, e.g. `roas < 2 window 24h by campaign`. */
  rule: string;
}

/** Everything the sandbox routes share: the emulator, who the page acts as, and what it offers. */
export interface SandboxContext {
  emulator: SlackEmulator;
  channels: ChannelDirectory;
  /** The person using the page. */
  userId: string;
  defaultChannel: string;
  botDm: string;
  samples: SampleCatalog;
  commands: readonly UiSlashCommand[];
  simulateLiveData?: () => Promise<LiveDataResult>;
  alerts?: SandboxAlerts;
}
