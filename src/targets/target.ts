import type { Workspace } from "../store/index.js";

/** What a target holds a figure to: a budget caps spend over a period, the others bound a KPI. */
export type TargetMetric = "budget" | "cpa" | "roas" | "cpc" | "ctr" | "cvr";
export type BudgetPeriod = "daily" | "weekly" | "monthly";

/** A part of the data a target is about ("campaign Brand"), or the whole channel's data when absent. */
export interface TargetScope {
  dimension: string;
  value: string;
}

export interface TargetSpec {
  metric: TargetMetric;
  /** Money for budget, CPA and CPC; a multiple for ROAS (3 = 3x); a fraction for CTR and CVR. */
  value: number;
  /** Only for a budget: the period it is for. */
  period: BudgetPeriod | null;
  scope: TargetScope | null;
}

export interface TargetRecord extends TargetSpec {
  id: number;
  channel: string;
  createdBy: string | null;
  /** ISO timestamp. */
  createdAt: string;
}

export interface NewTarget extends TargetSpec {
  workspace?: Workspace;
  channel: string;
  createdBy?: string | null;
}

/**
 * Targets per workspace and channel. Asynchronous, as the store is becoming: a networked engine answers
 * later than SQLite does.
 */
export interface TargetStore {
  /** Sets a target; one with the same metric, period and scope in the channel is replaced. */
  set(input: NewTarget): Promise<TargetRecord>;
  /** The channel's targets, oldest first. */
  list(channel: string, workspace?: Workspace): Promise<TargetRecord[]>;
  /** False when the channel has no target of that number. */
  remove(id: number, channel: string, workspace?: Workspace): Promise<boolean>;
  close(): Promise<void>;
}

/** Higher is better for these; for budget, CPA and CPC lower is. */
export const HIGHER_IS_BETTER: ReadonlySet<TargetMetric> = new Set(["roas", "ctr", "cvr"]);
