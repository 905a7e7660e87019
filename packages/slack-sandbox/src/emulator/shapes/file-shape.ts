import type { EmulatorConfig } from "../config.js";
import type { StoredFile } from "../store/model.js";
import type { WorkspaceStore } from "../store/workspace-store.js";

export interface FileUrls {
  urlPrivate: string;
  urlPrivateDownload: string;
}

/** Slack serves files from `files-pri/<team>-<file>/...`; the download variant adds `download/`. */
export function fileUrls(config: EmulatorConfig, teamId: string, file: StoredFile): FileUrls {
  const name = encodeURIComponent(file.name);
  const root = `${config.baseUrl}/files-pri/${teamId}-${file.id}`;
  return { urlPrivate: `${root}/${name}`, urlPrivateDownload: `${root}/download/${name}` };
}

/**
 * A file object as Slack returns it. Message events carry it without the share lists;
 * `files.info` adds them.
 */
export function fileShape(
  store: WorkspaceStore,
  config: EmulatorConfig,
  file: StoredFile,
  withShares: boolean,
): Record<string, unknown> {
  const teamId = store.team.id;
  const urls = fileUrls(config, teamId, file);
  const sharedChannels = file.shares.map((s) => store.channels.get(s.channel)).filter((c) => c !== undefined);
  const shape: Record<string, unknown> = {
    id: file.id,
    created: file.created,
    timestamp: file.created,
    name: file.name,
    title: file.title,
    mimetype: file.mimetype,
    filetype: file.filetype,
    pretty_type: file.prettyType,
    user: file.user,
    user_team: teamId,
    editable: false,
    size: file.bytes.length,
    mode: "hosted",
    is_external: false,
    external_type: "",
    is_public: sharedChannels.some((c) => c.kind === "public"),
    public_url_shared: false,
    display_as_bot: false,
    username: "",
    url_private: urls.urlPrivate,
    url_private_download: urls.urlPrivateDownload,
    permalink: `${config.baseUrl}/files/${file.user}/${file.id}/${encodeURIComponent(file.name)}`,
    permalink_public: `${config.baseUrl}/files-pub/${teamId}-${file.id}`,
    has_rich_preview: false,
    file_access: "visible",
  };
  if (file.altText !== undefined) shape.alt_txt = file.altText;
  if (!withShares) return shape;
  const shares: Record<"public" | "private", Record<string, unknown[]>> = { public: {}, private: {} };
  for (const share of file.shares) {
    const channel = store.channels.get(share.channel);
    if (!channel) continue;
    const bucket = channel.kind === "public" ? shares.public : shares.private;
    const entry: Record<string, unknown> = { ts: share.ts, channel_name: channel.name, team_id: teamId };
    if (share.threadTs) entry.thread_ts = share.threadTs;
    bucket[channel.id] = [...(bucket[channel.id] ?? []), entry];
  }
  shape.channels = sharedChannels.filter((c) => c.kind === "public").map((c) => c.id);
  shape.groups = sharedChannels.filter((c) => c.kind === "private").map((c) => c.id);
  shape.ims = sharedChannels.filter((c) => c.kind === "im").map((c) => c.id);
  shape.shares = shares;
  shape.comments_count = 0;
  return shape;
}
