import type { IdFactory } from "./ids.js";

export type TriggerCheck =
  | { ok: true; user: string }
  | { ok: false; error: "invalid_trigger_id" | "expired_trigger_id" | "trigger_exchanged" };

/** `trigger_id`s handed to the app with commands and interactions; each opens one view, briefly. */
export class TriggerRegistry {
  private readonly issued = new Map<string, { user: string; expiresAt: number; used: boolean }>();

  constructor(
    private readonly ids: IdFactory,
    private readonly ttlMs: number,
  ) {}

  issue(user: string): string {
    const id = this.ids.trigger();
    this.issued.set(id, { user, expiresAt: Date.now() + this.ttlMs, used: false });
    return id;
  }

  consume(id: string): TriggerCheck {
    const trigger = this.issued.get(id);
    if (!trigger) return { ok: false, error: "invalid_trigger_id" };
    if (trigger.used) return { ok: false, error: "trigger_exchanged" };
    if (Date.now() > trigger.expiresAt) return { ok: false, error: "expired_trigger_id" };
    trigger.used = true;
    return { ok: true, user: trigger.user };
  }
}
