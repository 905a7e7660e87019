import type { Workspace } from "./store.js";

/**
 * The values a row's `coalesce(team, '')` and `coalesce(enterprise, '')` are compared with: the unique
 * indexes and reads of both engines use those expressions, so NULL is one workspace (the unknown one) and
 * the indexes serve the reads. No workspace given is the unknown workspace, never every workspace.
 */
export function workspaceKey(workspace?: Workspace | null): [team: string, enterprise: string] {
  return [workspace?.team ?? "", workspace?.enterprise ?? ""];
}

/** The SQL condition for rows of one workspace, its two values bound by the caller (see `workspaceKey`). */
export function inWorkspace(team: string, enterprise: string, table?: string): string {
  const column = (name: string) => (table ? `${table}.${name}` : name);
  return `coalesce(${column("team")}, '') = ${team} AND coalesce(${column("enterprise")}, '') = ${enterprise}`;
}

/** Whether a row's team and enterprise are the workspace's (see `workspaceKey`). */
export function ofWorkspace(
  row: { team: string | null; enterprise: string | null },
  workspace?: Workspace | null,
): boolean {
  const [team, enterprise] = workspaceKey(workspace);
  return (row.team ?? "") === team && (row.enterprise ?? "") === enterprise;
}
