import type { ColumnPlan } from "./column-plan.js";
import { headerKey } from "./header-names.js";

/**
 * GA4 dimensions that belong to a hit, not to a session: a session that saw two pages is counted on both
 * pages' rows, so sessions by page add up to more than the site had. Landing page is session-scoped.
 */
const HIT_SCOPED =
  /\b(page path|page title|page location|page referrer|screen class|screen name|event name|link url|item name|item id)\b/;
const SESSION_MEASURES = new Set(["sessions", "engaged_sessions"]);

/**
 * Keeps GA4 session counts out of the sums when the report breaks them down by a hit-scoped dimension:
 * they stay as per-row figures, and a warning says why. Returns the warning, or null when nothing changed.
 */
export function keepSessionsPerRow(plan: ColumnPlan): string | null {
  if (plan.platform !== "ga4") return null;
  const byHit = plan.columns.find(
    (column) =>
      (column.role.kind === "dimension" || column.role.kind === "flexible") &&
      HIT_SCOPED.test(headerKey(column.header)),
  );
  if (!byHit) return null;
  const demoted: string[] = [];
  for (const column of plan.columns) {
    if (column.role.kind !== "measure" || !SESSION_MEASURES.has(column.role.measure)) continue;
    delete plan.mapping[column.role.measure];
    column.role = { kind: "extra", name: column.header.trim() };
    demoted.push(`"${column.header.trim()}"`);
  }
  if (demoted.length === 0) return null;
  return `${demoted.join(" and ")} by "${byHit.header.trim()}" are kept per row, not summed: GA4 counts a session on every page it saw, so their sum over pages would overcount (the file's own grand total is the site's figure)`;
}
