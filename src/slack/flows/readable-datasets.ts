import type { webApi } from "@slack/bolt";
import type { DatasetRecord, StoredDataset, Workspace } from "../../store/index.js";
import type { SlackDeps } from "../slack-deps.js";

/** Who is asking, and in which workspace: what they may read follows from both. */
export interface Asker {
  user: string | null;
  workspace: Workspace;
}

/** Where a question was asked: the asker belongs to `channel`, since they wrote there. */
export interface AskedIn {
  channel: string;
  threadTs: string;
  /** DMs and assistant threads may answer from another conversation the asker belongs to. */
  anyChannel: boolean;
}

/**
 * The dataset a question is about, among those the asker may read: the thread's, else the conversation's
 * newest, else (in a DM or the assistant) the newest of a conversation the asker belongs to. Never a
 * dataset of another workspace, nor of a conversation the asker is not in.
 */
export async function readableDataset(
  deps: SlackDeps,
  client: webApi.WebClient,
  asker: Asker,
  place: AskedIn,
): Promise<StoredDataset | null> {
  const { store } = deps;
  const inThread = await store.datasetForThread(place.channel, place.threadTs, asker.workspace);
  if (
    inThread &&
    (inThread.record.channel === place.channel || (await mayRead(deps, client, asker, inThread.record)))
  )
    return inThread;
  const inChannel = await store.latestDataset(place.channel, asker.workspace);
  if (inChannel || !place.anyChannel) return inChannel;
  const [newest] = await readableDatasets(deps, client, asker, 1);
  return newest ? store.getDataset(newest.id, asker.workspace) : null;
}

/** The datasets of the asker's workspace shared in conversations they belong to, newest first. */
export async function readableDatasets(
  deps: SlackDeps,
  client: webApi.WebClient,
  asker: Asker,
  limit: number,
): Promise<DatasetRecord[]> {
  const channels = await askerChannels(deps, client, asker);
  if (channels.size === 0) return [];
  return deps.store.listDatasets({ workspace: asker.workspace, channels: [...channels], limit });
}

/** The conversations the asker belongs to; none when the asker is unknown. */
export function askerChannels(
  deps: SlackDeps,
  client: webApi.WebClient,
  asker: Asker,
): Promise<ReadonlySet<string>> {
  if (!asker.user) return Promise.resolve(new Set());
  return deps.membership.channelsOf(client, asker.workspace, asker.user, deps.logger);
}

/** Whether the asker belongs to the conversation a dataset was shared in. */
export async function mayRead(
  deps: SlackDeps,
  client: webApi.WebClient,
  asker: Asker,
  record: DatasetRecord,
): Promise<boolean> {
  return (await askerChannels(deps, client, asker)).has(record.channel);
}
