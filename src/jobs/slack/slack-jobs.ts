import type { ScheduledReportJob } from "../../schedules/index.js";
import type { SharedFile, UploadPlace } from "../../slack/flows/analyze-upload.js";
import type { QuestionPlace } from "../../slack/flows/reply-to-question.js";
import type { Workspace } from "../../store/index.js";
import type { ScheduleCommandJob } from "./schedule-command-job.js";

/**
 * The work Slack's events turn into, one kind per thing a person asked for. Payloads are what the
 * handler needs from the event, stored as JSON, so a job resumed after a restart needs nothing else.
 */
export type SlackJob =
  | { kind: "slack-event"; payload: SlackEventJob }
  | { kind: "answer-question"; payload: QuestionJob }
  | { kind: "analyze-upload"; payload: UploadJob }
  | { kind: "build-report"; payload: ReportJob }
  | { kind: "open-alert-analyst"; payload: AlertAnalystJob }
  | { kind: "publish-home"; payload: { user: string; workspace: Workspace } }
  | { kind: "greet-assistant-thread"; payload: GreetingJob }
  | { kind: "schedule-command"; payload: ScheduleCommandJob }
  | { kind: "scheduled-report"; payload: ScheduledReportJob };

export type SlackJobKind = SlackJob["kind"];

/** An Events API envelope as Slack sent it, stored before the 200; Bolt's listeners read it in the job. */
export interface SlackEventJob {
  body: Record<string, unknown>;
  retryNum?: number;
  retryReason?: string;
}

export interface QuestionJob {
  question: string;
  place: QuestionPlace;
  /** A thread reply is a question for the bot only when its thread holds a dataset. */
  onlyInDataThread?: boolean;
  /** Said in the thread first, e.g. "@maria asked: …" for a suggested question's button. */
  announce?: string;
  /** Asked in Slack's assistant surface: the thread gets a title from its first question. */
  assistant?: boolean;
}

export interface UploadJob {
  /** The file as the event described it; file_shared gives only its id, and files.info the rest. */
  file: SharedFile | { id: string };
  place: Omit<UploadPlace, "threadTs"> & { threadTs: string | null };
}

export interface ReportJob {
  /** What was typed after `/report`; read again by the job, so the job is what the person typed. */
  text: string;
  channel: string;
  user: string;
  workspace: Workspace;
  /** Where refusals and failures go, privately to the person (Slack keeps it for 30 minutes). */
  responseUrl: string;
}

export interface AlertAnalystJob {
  alertId: number;
  user: string;
  workspace: Workspace;
}

export interface GreetingJob {
  channel: string;
  threadTs: string;
  user: string;
  contextChannel?: string;
  workspace: Workspace;
}

/** Where listeners put work: written durably before Slack gets its answer. */
export interface SlackJobSink {
  /** `key` names the work, so a redelivered event adds nothing (see keys below). */
  enqueue(job: SlackJob, key: string): Promise<void>;
}

/** Slack's own id for an event: a redelivery carries the same one. */
export const eventKey = (eventId: string) => `event:${eventId}`;
/** A Slack message is identified by its conversation and ts, whichever event announced it. */
export const messageKey = (channel: string, ts: string) => `message:${channel}:${ts}`;
/** A file is analysed once, however many events announce it. */
export const fileKey = (fileId: string) => `file:${fileId}`;
/** Commands and button clicks each carry a trigger id of their own. */
export const triggerKey = (triggerId: string) => `trigger:${triggerId}`;
