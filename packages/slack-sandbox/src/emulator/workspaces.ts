import type { WorkspaceEntry } from "./create-workspace.js";
import type { Workspace } from "./workspace.js";

/**
 * Every workspace of the emulator, the first one (the one `startSlackEmulator` was given) included. A
 * token names its workspace, as on Slack: a call is answered in the workspace whose installed bot token
 * it carries, and nowhere else.
 */
export class Workspaces {
  private readonly entries = new Map<string, WorkspaceEntry>();

  constructor(readonly primary: WorkspaceEntry) {
    this.add(primary);
  }

  add(entry: WorkspaceEntry): void {
    const id = entry.ws.store.team.id;
    if (this.entries.has(id)) throw new Error(`workspace ${id} exists`);
    this.entries.set(id, entry);
  }

  all(): WorkspaceEntry[] {
    return [...this.entries.values()];
  }

  team(teamId: string): WorkspaceEntry | undefined {
    return this.entries.get(teamId);
  }

  /** The workspace a Web API call acts in: the one whose installed bot token it carries. */
  forToken(token: string | undefined): Workspace | undefined {
    if (!token) return undefined;
    for (const { ws } of this.entries.values()) {
      if (ws.config.installed && ws.config.botToken === token) return ws;
    }
    return undefined;
  }

  /** Settings of the app itself, the same in every workspace. */
  setRequestUrl(url: string | undefined): void {
    for (const { ws } of this.entries.values()) ws.config.requestUrl = url;
  }

  setBaseUrl(url: string): void {
    for (const { ws } of this.entries.values()) ws.config.baseUrl = url;
  }
}
