import type { EmulatorConfig } from "../config.js";
import type { AppDelivery } from "../delivery/app-delivery.js";
import type { IdFactory } from "../ids.js";
import type { Channel } from "../store/model.js";
import type { WorkspaceStore } from "../store/workspace-store.js";
import { eventEnvelope } from "./envelope.js";

const MESSAGE_SUBSCRIPTION: Record<Channel["kind"], string> = {
  public: "message.channels",
  private: "message.groups",
  im: "message.im",
};

/**
 * Decides whether the app gets an event (installed in the workspace, subscribed, and able to see the
 * conversation, as on Slack), records it, and hands it to delivery.
 */
export class EventPublisher {
  constructor(
    private readonly store: WorkspaceStore,
    private readonly config: EmulatorConfig,
    private readonly ids: IdFactory,
    private readonly delivery: AppDelivery,
  ) {}

  /** `channel` scopes the event to a conversation the bot must be a member of. */
  publish(event: Record<string, unknown>, channel?: Channel): string {
    const type = String(event.type);
    const subscription = type === "message" && channel ? MESSAGE_SUBSCRIPTION[channel.kind] : type;
    const visible = !channel || channel.members.includes(this.config.botUserId);
    const deliver =
      this.config.installed &&
      visible &&
      this.config.events.has(subscription) &&
      this.config.requestUrl !== undefined;
    const eventId = this.ids.event();
    const now = Date.now();
    this.store.recordEvent({ eventId, type, event, delivered: deliver, at: now });
    if (deliver) {
      const envelope = eventEnvelope(this.config, this.store.team.id, event, eventId, Math.floor(now / 1000));
      this.delivery.deliverEvent(envelope, eventId, type);
    }
    return eventId;
  }
}
