import type { AlertEngine } from "../alerts/index.js";
import type { Config } from "../config/config.js";
import type { SlackJobSink } from "../jobs/slack/slack-jobs.js";
import type { Logger } from "../log/logger.js";
import type { ScheduleStore } from "../schedules/index.js";
import type { Store } from "../store/index.js";
import type { TargetStore } from "../targets/index.js";
import type { ConversationMembership } from "./flows/conversation-membership.js";
import type { SlackReaders } from "./flows/slack-readers.js";
import type { BotTokens } from "./installs/bot-tokens.js";

/** What the Slack flows need from the rest of the app; listeners pass it through untouched. */
export interface SlackDeps {
  store: Store;
  config: Config;
  logger: Logger;
  /** SLACK_BOT_TOKEN, when the app serves one workspace; undefined when it is installed through OAuth. */
  botToken: string | undefined;
  /** The bot token each workspace's jobs post with (one for all, or each installation's own). */
  botTokens: BotTokens;
  alerts: AlertEngine | null;
  /** Which conversations a person belongs to, asked of Slack and cached briefly. */
  membership: ConversationMembership;
  /** Each person's locale and time zone, asked of Slack and cached: figures are written their way. */
  readers: SlackReaders;
  /** Where listeners write the work an event asks for; a job handler does it. */
  jobs: SlackJobSink;
  /** Budget and KPI targets per channel (`/target`), paced in reports and answers. */
  targets: TargetStore;
  /** Scheduled reports per channel (`/report schedule …`), delivered by the sweep's jobs. */
  schedules: ScheduleStore;
}
