export { openTargets } from "./open-target-store.js";
export { type Pacing, PacingRefusal, pace } from "./pacing.js";
export { asksAboutPacing, type PacingData, pacingAnswer } from "./pacing-answer.js";
export { parseTarget, TARGET_FORMS, TargetSyntaxError } from "./parse-target.js";
export { openPostgresTargets } from "./postgres-target-store.js";
export { openSqliteTargets } from "./sqlite-target-store.js";
export type { NewTarget, TargetMetric, TargetRecord, TargetSpec, TargetStore } from "./target.js";
export {
  handleTargetCommand,
  pacingLine,
  type TargetCommandContext,
  type TargetData,
} from "./target-command.js";
export { describeTarget } from "./target-text.js";
export { type TargetThreshold, withTargetThreshold } from "./target-threshold.js";
