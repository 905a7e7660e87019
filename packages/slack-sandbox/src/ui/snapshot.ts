import type { UiPrompts, UiSnapshot, UiStatus } from "../protocol.js";
import type { SandboxContext } from "./sandbox-context.js";
import {
  isVisibleTo,
  uiChannel,
  uiEphemeral,
  uiHomeView,
  uiMessage,
  uiPrompts,
  uiStatus,
  uiUser,
} from "./ui-shapes.js";

/** The latest entry per thread: statuses and prompts are recorded as a history, the page shows the last. */
function latestPerThread<T extends { channel: string; threadTs?: string }>(entries: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const entry of entries) latest.set(`${entry.channel}:${entry.threadTs ?? ""}`, entry);
  return [...latest.values()];
}

/** Everything the page shows, as of now: sent first on every (re)connection of the change stream. */
export function snapshot(context: SandboxContext): UiSnapshot {
  const { emulator, userId } = context;
  const transcript = emulator.transcript();
  const me = transcript.users.find((user) => user.id === userId);
  if (!me) throw new Error(`the sandbox user ${userId} does not exist in the emulator`);
  const channels = transcript.channels.filter((channel) => isVisibleTo(channel, userId));
  const visible = new Set(channels.map((channel) => channel.id));
  const home = transcript.homeViews.find((view) => view.user === userId);
  const statuses: UiStatus[] = latestPerThread(transcript.statuses)
    .filter((status) => visible.has(status.channel) && status.status !== "")
    .map(uiStatus);
  const prompts: UiPrompts[] = latestPerThread(transcript.prompts)
    .filter((entry) => visible.has(entry.channel))
    .map(uiPrompts);
  return {
    team: { id: transcript.team.id, name: transcript.team.name },
    me: uiUser(me),
    bot: { userId: transcript.bot.userId, name: transcript.bot.name },
    users: transcript.users.map(uiUser),
    channels: channels.map((channel) => uiChannel(channel, userId)),
    defaultChannel: context.defaultChannel,
    botDm: context.botDm,
    messages: transcript.messages
      .filter((message) => !message.deleted && visible.has(message.channel))
      .map((message) => uiMessage(message, emulator)),
    ephemerals: transcript.ephemerals
      .filter((message) => message.user === userId && !message.deleted)
      .map(uiEphemeral),
    statuses,
    prompts,
    home: home ? uiHomeView(home) : null,
    samples: context.samples.list,
    commands: [...context.commands],
    liveData: {
      available: context.simulateLiveData !== undefined,
      ...(context.alerts ? { alertChannel: context.alerts.channel, alertRule: context.alerts.rule } : {}),
    },
  };
}
