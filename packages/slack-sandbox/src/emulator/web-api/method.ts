import type { Workspace } from "../workspace.js";

export type ApiArgs = Record<string, unknown>;
export type ApiResult = Record<string, unknown>;

/** A Web API method over the workspace: plain data in, plain data out, no HTTP. */
export type MethodHandler = (ws: Workspace, args: ApiArgs) => ApiResult;

/** An `{ ok: false, error }` answer; `detail` lands in `response_metadata.messages` as Slack does. */
export class SlackApiError extends Error {
  constructor(
    readonly code: string,
    readonly detail?: string,
  ) {
    super(code);
  }
}
