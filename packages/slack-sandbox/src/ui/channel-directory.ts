import type { Channel, SlackEmulator } from "../emulator/index.js";

/**
 * The emulator's channels by id, kept current from its change stream, so deciding whether a change is
 * visible to the page does not copy the whole transcript on every message.
 */
export interface ChannelDirectory {
  get(channelId: string): Channel | undefined;
  close(): void;
}

export function channelDirectory(emulator: SlackEmulator): ChannelDirectory {
  const channels = new Map(emulator.transcript().channels.map((channel) => [channel.id, channel]));
  const unsubscribe = emulator.subscribe((change) => {
    if (change.type === "channel") channels.set(change.channel.id, change.channel);
  });
  return { get: (channelId) => channels.get(channelId), close: unsubscribe };
}
