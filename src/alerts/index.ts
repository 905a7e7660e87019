export { type AlertChartInput, type AlertChartRenderer, renderAlertChart } from "./alert-chart.js";
export {
  type AlertCommandContext,
  type AlertCommandReply,
  handleAlertCommand,
} from "./alert-commands.js";
export { type AlertActivity, AlertEngine, type AlertEngineOptions } from "./alert-engine.js";
export { OPEN_ANALYST_ACTION, type SlackMessage } from "./alert-message.js";
export { type AlertPoster, type ChartUpload, slackAlertPoster } from "./alert-poster.js";
export type { AlertRule, Comparison } from "./alert-rule.js";
export { parseRule, RULE_FORMS, RuleSyntaxError } from "./parse-rule.js";
export { describeRule, ruleDefinition } from "./rule-text.js";
