import type { RenderContext } from "./render-context.js";
import type { WorkspaceState } from "./workspace-state.js";

/** Where the page is: a channel (maybe with a thread open) or the app's Home or Messages tab. */
export type Route =
  | { view: "channel"; channel: string; thread?: string }
  | { view: "app"; tab: "home" | "messages"; thread?: string };

/** What every view can reach: the state, navigation, and the page-wide services. */
export interface Page {
  readonly state: WorkspaceState;
  route(): Route;
  navigate(route: Route): void;
  /** The channel a route shows messages of (the app's Messages tab is the DM with the bot). */
  channelOf(route: Route): string | undefined;
  openThread(channel: string, ts: string): void;
  closeThread(): void;
  /** How blocks in a message, or in the Home tab, render and where their clicks go. */
  renderContext(surface: { channel: string; ts: string } | "home"): RenderContext;
  notify(message: string, tone?: "error" | "info"): void;
  /** Tells screen readers about something that happened out of view. */
  announce(text: string): void;
  openImage(src: string, alt: string): void;
  /** On a narrow screen, shows or hides the channel list over the conversation. */
  toggleSidebar(): void;
}
