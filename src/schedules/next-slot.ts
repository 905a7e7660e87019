import { DateTime } from "luxon";
import type { ScheduleRule } from "./schedule.js";

/**
 * The first delivery strictly after `after`: the rule's local time on the next matching day, in the rule's
 * time zone. Each candidate day's time is resolved by Luxon from the zone's rules, so a slot stays at
 * 09:00 local across a DST change. A local time that does not exist that day (skipped by a spring-forward)
 * moves forward by the gap; one that occurs twice (fall-back) is delivered once, at its second occurrence
 * (standard time), as Luxon resolves it.
 */
export function nextSlot(rule: ScheduleRule, after: Date): Date {
  const [hour, minute] = rule.time.split(":").map(Number) as [number, number];
  const start = DateTime.fromJSDate(after, { zone: rule.timeZone });
  if (!start.isValid) throw new RangeError(`unknown time zone ${rule.timeZone}`);
  // Eight days always hold the next weekday at a time after `after`, even when today's has passed.
  for (let days = 0; days <= 8; days++) {
    const day = start.plus({ days });
    if (rule.cadence === "weekly" && day.weekday !== rule.weekday) continue;
    const slot = DateTime.fromObject(
      { year: day.year, month: day.month, day: day.day, hour, minute },
      { zone: rule.timeZone },
    );
    if (slot.toMillis() > after.getTime()) return slot.toJSDate();
  }
  throw new RangeError("no slot within eight days");
}

/**
 * The latest slot at or before `now`, starting from a slot the schedule was due at: after downtime several
 * may have passed, and only the newest is delivered (a report shows the data as it is now).
 */
export function latestDueSlot(rule: ScheduleRule, due: Date, now: Date): Date {
  let slot = due;
  for (let next = nextSlot(rule, slot); next.getTime() <= now.getTime(); next = nextSlot(rule, next)) {
    slot = next;
  }
  return slot;
}

/** Whether an IANA time zone name is one this runtime knows. */
export function isKnownTimeZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}
