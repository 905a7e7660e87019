import type { UiChange, UiMessage, UiSnapshot } from "../../protocol.js";
import { ApiError, clickHomeAction, clickMessageAction } from "./api.js";
import { AppPane } from "./app-pane.js";
import { ChannelPane } from "./channel-pane.js";
import { h } from "./dom.js";
import { openImageViewer } from "./image-viewer.js";
import { Notices } from "./notices.js";
import type { Page, Route } from "./page.js";
import type { RenderContext } from "./render-context.js";
import { formatRoute, parseRoute } from "./router.js";
import { renderSidebar } from "./sidebar.js";
import { ThreadPane } from "./thread-pane.js";
import { type Topbar, topbar } from "./topbar.js";
import { WorkspaceState } from "./workspace-state.js";

/** The whole page: layout, routing, unread counts and the services views share. */
export class SandboxPage implements Page {
  readonly state = new WorkspaceState();
  private readonly notices = new Notices();
  private currentRoute: Route | undefined;
  private bar: Topbar | undefined;
  private readonly sidebarSlot = h("div", { class: "sidebar-slot" });
  private readonly mainSlot = h("div", { class: "main-slot" });
  private readonly threadSlot = h("div", { class: "thread-slot" });
  private pane: ChannelPane | AppPane | undefined;
  private paneKey = "";
  private thread: ThreadPane | undefined;
  private readonly unread = new Map<string, number>();
  private readonly reportedProblems = new Set<string>();

  constructor(private readonly root: HTMLElement) {
    window.addEventListener("hashchange", () => this.applyRoute());
    // Any choice in the folded-out channel list closes it, the channel already shown included.
    this.sidebarSlot.addEventListener("click", (event) => {
      if ((event.target as Element).closest("a")) this.toggleSidebar(false);
    });
    this.state.subscribe(() => this.render());
  }

  applySnapshot(snapshot: UiSnapshot): void {
    const first = this.state.snapshot === undefined;
    this.state.applySnapshot(snapshot);
    if (first) this.buildShell();
    this.bar?.setConnected(true);
    this.applyRoute();
  }

  applyChange(change: UiChange): void {
    if (change.type === "message") this.noteIncoming(change.message);
    if (change.type === "delivery") this.reportDelivery(change.problem);
    this.state.apply(change);
  }

  setConnected(connected: boolean): void {
    this.bar?.setConnected(connected);
  }

  toggleSidebar(open = !this.root.classList.contains("sidebar-open")): void {
    this.root.classList.toggle("sidebar-open", open);
    this.root.querySelector(".topbar-menu")?.setAttribute("aria-expanded", String(open));
  }

  private buildShell(): void {
    this.bar = topbar(this);
    this.root.removeAttribute("aria-busy");
    this.root.replaceChildren(
      this.bar.element,
      h(
        "div",
        { class: "workspace" },
        this.sidebarSlot,
        h("div", { class: "content" }, this.mainSlot, this.threadSlot),
      ),
      this.notices.element,
      this.notices.announcer,
    );
  }

  /** Unread counts for channels out of view, and a spoken note for replies in view. */
  private noteIncoming(message: UiMessage): void {
    const { channel, ts } = message;
    const isNew = this.state.entry(channel, ts) === undefined && !message.deleted;
    const me = this.state.snapshot?.me.id;
    if (!isNew || message.user === me || message.subtype === "channel_join") return;
    const topLevel = message.threadTs === undefined || message.threadTs === message.ts;
    const shown = this.channelOf(this.route()) === channel;
    const inOpenThread = this.thread?.channel === channel && this.thread.threadTs === message.threadTs;
    if (topLevel && !shown) this.unread.set(channel, (this.unread.get(channel) ?? 0) + 1);
    if (shown || inOpenThread) {
      const name = this.state.displayName(message.user);
      const text = message.text.replace(/<[^>]*>/g, "").slice(0, 140);
      this.announce(`${name}${topLevel ? "" : " replied in thread"}: ${text || "sent a file"}`);
    }
  }

  private reportDelivery(problem: { label: string; outcome: string; status?: number }): void {
    const key = `${problem.label}:${problem.outcome}`;
    if (this.reportedProblems.has(key)) return;
    this.reportedProblems.add(key);
    const why =
      problem.outcome === "http_timeout"
        ? "did not answer within 3 seconds"
        : problem.status
          ? `answered HTTP ${problem.status}`
          : "could not be reached";
    this.notify(`Slack sent ${problem.label} to the app, and the app ${why}.`, "error");
  }

  route(): Route {
    const fallback: Route = { view: "channel", channel: this.state.snapshot?.defaultChannel ?? "" };
    return this.currentRoute ?? fallback;
  }

  navigate(route: Route): void {
    const hash = formatRoute(route);
    if (window.location.hash === hash) this.applyRoute();
    else window.location.hash = hash;
  }

  channelOf(route: Route): string | undefined {
    if (route.view === "channel") return route.channel;
    return route.tab === "messages" ? this.state.snapshot?.botDm : undefined;
  }

  openThread(channel: string, ts: string): void {
    const route = this.route();
    if (route.view === "app") this.navigate({ view: "app", tab: "messages", thread: ts });
    else this.navigate({ view: "channel", channel, thread: ts });
  }

  closeThread(): void {
    const { thread: _closed, ...route } = this.route();
    this.navigate(route as Route);
  }

  private applyRoute(): void {
    if (!this.state.snapshot) return;
    const first = this.paneKey === "";
    const parsed = parseRoute(window.location.hash);
    const valid = parsed && (parsed.view === "app" || this.state.channels.has(parsed.channel));
    this.currentRoute = valid ? parsed : { view: "channel", channel: this.state.snapshot.defaultChannel };
    const route = this.currentRoute;
    const channel = this.channelOf(route);
    if (channel) this.unread.delete(channel);

    const paneKey = route.view === "channel" ? `channel:${route.channel}` : "app";
    let focusTarget: { focus(): void } | undefined;
    if (paneKey !== this.paneKey) {
      this.paneKey = paneKey;
      const info = route.view === "channel" ? this.state.channels.get(route.channel) : undefined;
      this.pane = info
        ? new ChannelPane(this, info)
        : new AppPane(this, route.view === "app" ? route.tab : "home");
      this.mainSlot.replaceChildren(this.pane.element);
      focusTarget = this.pane;
    } else if (route.view === "app" && this.pane instanceof AppPane && this.pane.currentTab !== route.tab) {
      this.pane.show(route.tab);
    }

    const threadKey = route.thread && channel ? `${channel}:${route.thread}` : "";
    const openKey = this.thread ? `${this.thread.channel}:${this.thread.threadTs}` : "";
    if (threadKey !== openKey) {
      const hadFocus = this.thread?.element.contains(document.activeElement) ?? false;
      this.thread = route.thread && channel ? new ThreadPane(this, channel, route.thread) : undefined;
      this.threadSlot.replaceChildren(this.thread?.element ?? "");
      this.root.classList.toggle("has-thread", this.thread !== undefined);
      if (this.thread) focusTarget = this.thread;
      else if (hadFocus) focusTarget = this.pane;
    }
    const where =
      route.view === "app"
        ? this.state.snapshot.bot.name
        : `#${this.state.channels.get(route.channel)?.name ?? ""}`;
    document.title = `${where} · ${this.state.snapshot.team.name} · Slack sandbox`;
    this.render();
    // The first view leaves focus at the top of the page (skip link first); later navigation moves it.
    if (!first) focusTarget?.focus();
  }

  private render(): void {
    if (!this.state.snapshot) return;
    const focusedHref = this.sidebarSlot.contains(document.activeElement)
      ? document.activeElement?.getAttribute("href")
      : null;
    this.sidebarSlot.replaceChildren(renderSidebar(this, this.unread));
    if (focusedHref)
      this.sidebarSlot.querySelector<HTMLElement>(`a[href="${CSS.escape(focusedHref)}"]`)?.focus();
    this.pane?.update();
    this.thread?.update();
  }

  renderContext(surface: { channel: string; ts: string } | "home"): RenderContext {
    return {
      me: this.state.snapshot?.me.id ?? "",
      userName: (id) => this.state.displayName(id),
      channelName: (id) => this.state.channels.get(id)?.name,
      openChannel: (id) => this.navigate({ view: "channel", channel: id }),
      fileUrl: (id) => `/sandbox/api/files/${encodeURIComponent(id)}`,
      openImage: (src, alt) => this.openImage(src, alt),
      act: async (action) => {
        try {
          if (surface === "home") await clickHomeAction(action.actionId, action.value);
          else await clickMessageAction(surface.channel, surface.ts, action.actionId, action.value);
        } catch (error) {
          this.notify(
            error instanceof ApiError ? error.message : "The click could not be sent to the app.",
            "error",
          );
        }
      },
    };
  }

  notify(message: string, tone: "error" | "info" = "info"): void {
    this.notices.notify(message, tone);
  }

  announce(text: string): void {
    this.notices.announce(text);
  }

  openImage(src: string, alt: string): void {
    openImageViewer(src, alt);
  }
}
