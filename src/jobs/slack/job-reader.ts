import type { webApi } from "@slack/bolt";
import { DEFAULT_READER, type Reader } from "../../format/reader-locale.js";
import type { SlackDeps } from "../../slack/slack-deps.js";
import type { Workspace } from "../../store/index.js";

interface Person {
  user?: unknown;
  workspace?: Workspace;
}

/**
 * The person a job writes for: whoever asked, uploaded, typed the command or clicked (every job of a
 * person's action carries `user` and `workspace`, at its top or in its `place`). A job of no one in
 * particular (a stored Slack event) is written en-US in UTC.
 */
export function jobReader(deps: SlackDeps, client: webApi.WebClient, payload: unknown): Promise<Reader> {
  const outer = (payload ?? {}) as Person & { place?: Person };
  const person = outer.place ?? outer;
  if (typeof person.user !== "string" || !person.workspace) return Promise.resolve(DEFAULT_READER);
  return deps.readers.readerOf(client, person.workspace, person.user, deps.logger);
}
