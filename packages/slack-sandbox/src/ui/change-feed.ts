import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type { TranscriptChange } from "../emulator/index.js";
import { CHANGE_EVENT, SNAPSHOT_EVENT, type UiChange } from "../protocol.js";
import type { SandboxContext } from "./sandbox-context.js";
import { snapshot } from "./snapshot.js";
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

/** A comment line now and then keeps idle connections from being closed by proxies and timeouts. */
const HEARTBEAT_MS = 20_000;

function visible(context: SandboxContext, channelId: string): boolean {
  const channel = context.channels.get(channelId);
  return channel !== undefined && isVisibleTo(channel, context.userId);
}

/** What of an emulator change the page should see, or undefined for bookkeeping it does not show. */
export function pageChange(context: SandboxContext, change: TranscriptChange): UiChange | undefined {
  const me = context.userId;
  switch (change.type) {
    case "user":
      return { type: "user", user: uiUser(change.user) };
    case "channel":
      return isVisibleTo(change.channel, me)
        ? { type: "channel", channel: uiChannel(change.channel, me) }
        : undefined;
    case "message":
      return visible(context, change.message.channel)
        ? { type: "message", message: uiMessage(change.message, context.emulator) }
        : undefined;
    case "ephemeral":
      return change.message.user === me
        ? { type: "ephemeral", message: uiEphemeral(change.message) }
        : undefined;
    case "status":
      return visible(context, change.status.channel)
        ? { type: "status", status: uiStatus(change.status) }
        : undefined;
    case "prompts":
      return visible(context, change.prompts.channel)
        ? { type: "prompts", prompts: uiPrompts(change.prompts) }
        : undefined;
    case "view":
      return change.view.type === "home" && change.view.user === me
        ? { type: "home", view: uiHomeView(change.view) }
        : undefined;
    case "delivery":
      return change.attempt.outcome === "acked"
        ? undefined
        : {
            type: "delivery",
            problem: {
              label: change.attempt.label,
              outcome: change.attempt.outcome,
              ...(change.attempt.status !== undefined ? { status: change.attempt.status } : {}),
            },
          };
    default:
      return undefined;
  }
}

/**
 * `GET /sandbox/api/events`: a `snapshot` of everything, then every change the page shows, as server-sent
 * events. Subscribing before taking the snapshot means nothing falls between the two; a change that is
 * already in the snapshot is applied again, which the page treats as a no-op.
 */
export function changeFeedRoute(context: SandboxContext) {
  return (c: Context): Response =>
    streamSSE(c, async (stream) => {
      const queue: UiChange[] = [];
      let wake = () => {};
      const unsubscribe = context.emulator.subscribe((change) => {
        const shown = pageChange(context, change);
        if (!shown) return;
        queue.push(shown);
        wake();
      });
      stream.onAbort(() => {
        unsubscribe();
        wake();
      });
      await stream.writeSSE({ event: SNAPSHOT_EVENT, data: JSON.stringify(snapshot(context)) });
      while (!stream.aborted && !stream.closed) {
        const next = queue.shift();
        if (next) {
          await stream.writeSSE({ event: CHANGE_EVENT, data: JSON.stringify(next) });
          continue;
        }
        const timer = new Promise<boolean>((resolve) => {
          const handle = setTimeout(() => resolve(true), HEARTBEAT_MS);
          wake = () => {
            clearTimeout(handle);
            resolve(false);
          };
        });
        if (await timer) await stream.write(": heartbeat\n\n");
      }
      unsubscribe();
    });
}
