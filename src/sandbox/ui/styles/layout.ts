/** The frame: top bar, sidebar, the white content card with the main pane and the thread pane. */
export const LAYOUT_CSS = `
.app { display: grid; grid-template-rows: 48px minmax(0, 1fr); height: 100vh; overflow: hidden; }

.topbar {
  display: flex; align-items: center; gap: 20px; min-width: 0;
  padding: 0 12px 0 14px; background: var(--frame); color: #fff;
}
.topbar-brand { display: flex; align-items: center; gap: 10px; flex: none; font-weight: 700; }
.topbar-product { font-size: 15px; letter-spacing: -0.01em; }
.topbar-divider { width: 1px; height: 16px; background: rgba(255, 255, 255, 0.3); }
.topbar-context { font-weight: 500; color: rgba(255, 255, 255, 0.82); }
.topbar-note {
  display: flex; align-items: center; gap: 8px; min-width: 0; margin: 0 auto;
  padding: 4px 12px; border-radius: 999px; background: rgba(255, 255, 255, 0.08);
  color: rgba(255, 255, 255, 0.85); font-size: 13px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
}
.topbar-actions { display: flex; align-items: center; gap: 12px; flex: none; margin-left: auto; }
.button--topbar { height: 30px; background: #fff; border-color: #fff; color: var(--text); font-size: 13px; }
.button--topbar .icon { color: var(--primary); stroke-width: 2.2; }

.connection { display: inline-flex; align-items: center; gap: 6px; font-size: 12px; font-weight: 600; color: rgba(255, 255, 255, 0.85); }
.connection::before { content: ""; width: 8px; height: 8px; border-radius: 50%; background: #2EB67D; box-shadow: 0 0 0 3px rgba(46, 182, 125, 0.25); }
.connection--lost::before { background: #ECB22E; box-shadow: 0 0 0 3px rgba(236, 178, 46, 0.25); }

.workspace { display: grid; grid-template-columns: 260px minmax(0, 1fr); min-height: 0; padding: 0 8px 8px 0; }
.sidebar-slot { min-height: 0; display: flex; }
.content {
  display: grid; grid-template-columns: minmax(0, 1fr) auto; min-height: 0; min-width: 0;
  background: var(--surface); border-radius: 10px; overflow: hidden;
  box-shadow: 0 1px 2px rgba(0, 0, 0, 0.2);
}
.main-slot, .thread-slot { display: flex; min-height: 0; min-width: 0; }
.main-slot > * { flex: 1; }

.sidebar {
  flex: 1; display: flex; flex-direction: column; min-height: 0; overflow-y: auto;
  background: var(--sidebar); color: var(--sidebar-text);
  border-radius: 0 10px 0 0; margin-right: 8px;
}
.sidebar :focus-visible { outline-color: #fff; }
.sidebar-header { padding: 14px 16px 12px; border-bottom: 1px solid rgba(255, 255, 255, 0.1); }
.sidebar-team { margin: 0; font-size: 18px; font-weight: 800; color: #fff; letter-spacing: -0.01em; line-height: 1.3; }
.sidebar-team-note { font-size: 12px; color: rgba(255, 255, 255, 0.72); }
.sidebar-section { padding: 12px 8px 4px; }
.sidebar-heading { margin: 0 0 4px; padding: 0 10px; font-size: 13px; font-weight: 600; color: rgba(255, 255, 255, 0.72); }
.sidebar-list { list-style: none; margin: 0; padding: 0; }
.sidebar-item {
  display: flex; align-items: center; gap: 8px; height: 30px; padding: 0 10px;
  border-radius: 6px; color: var(--sidebar-text); font-size: 15px; text-decoration: none;
}
.sidebar-item:hover { background: var(--sidebar-hover); text-decoration: none; }
.sidebar-item[aria-current="page"] { background: var(--sidebar-active); color: #fff; }
.sidebar-item--unread { color: #fff; font-weight: 700; }
.sidebar-label { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.unread-badge {
  min-width: 20px; height: 18px; padding: 0 6px; border-radius: 9px;
  background: #CD2553; color: #fff; font-size: 12px; font-weight: 700; line-height: 18px; text-align: center;
}
.sidebar-footer {
  margin-top: auto; display: flex; align-items: center; gap: 10px; padding: 12px 16px;
  border-top: 1px solid rgba(255, 255, 255, 0.1);
}
.sidebar-footer .avatar { width: 28px; height: 28px; font-size: 11px; border-radius: 7px; }
.sidebar-me { display: flex; flex-direction: column; line-height: 1.25; }
.sidebar-me-name { color: #fff; font-weight: 600; font-size: 14px; }
.sidebar-me-note { font-size: 12px; color: rgba(255, 255, 255, 0.72); }

.pane { display: flex; flex-direction: column; min-height: 0; min-width: 0; }
.pane-header {
  display: flex; align-items: center; gap: 12px; min-height: 54px; padding: 8px 12px 8px 20px;
  border-bottom: 1px solid var(--border);
}
.pane-heading { display: flex; align-items: baseline; gap: 12px; flex: 1; min-width: 0; }
.pane-title { display: flex; align-items: center; gap: 6px; margin: 0; font-size: 18px; font-weight: 800; letter-spacing: -0.01em; white-space: nowrap; }
.pane-topic { margin: 0; min-width: 0; color: var(--text-muted); font-size: 13px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.pane-members {
  display: inline-flex; align-items: center; gap: 6px; height: 28px; padding: 0 10px;
  border: 1px solid var(--border); border-radius: 6px; color: var(--text-muted); font-size: 13px; font-weight: 600;
}
.pane-header--app { align-items: flex-end; padding-bottom: 0; }
.pane-header--app .pane-heading { align-self: center; padding-bottom: 8px; }

.tabs { display: flex; gap: 4px; }
.tab {
  height: 40px; padding: 0 14px; border: 0; border-bottom: 3px solid transparent;
  background: none; color: var(--text-muted); font-size: 14px; font-weight: 600; cursor: pointer;
}
.tab:hover { color: var(--text); }
.tab[aria-selected="true"] { color: var(--text); border-bottom-color: var(--primary); }
.tab-panel { display: flex; flex-direction: column; flex: 1; min-height: 0; }

.conversation { position: relative; display: flex; flex-direction: column; flex: 1; min-height: 0; }
.message-scroller { display: flex; flex-direction: column; flex: 1; min-height: 0; overflow-y: auto; overscroll-behavior: contain; }
/* Few messages sit just above the message box, as in Slack; many scroll. */
.message-scroller > :first-child { margin-top: auto; }
.message-scroller:focus { outline: none; }
.conversation-footer { padding: 0 20px; }

.thread-pane {
  display: flex; flex-direction: column; width: clamp(400px, 36vw, 560px); min-height: 0;
  border-left: 1px solid var(--border); background: var(--surface);
}
.thread-pane .pane-title { font-size: 17px; }

@media (max-width: 1180px) {
  .workspace { grid-template-columns: 220px minmax(0, 1fr); }
  .topbar-note { display: none; }
  .has-thread .main-slot { display: none; }
  .has-thread .content { grid-template-columns: minmax(0, 1fr); }
  .has-thread .thread-pane { width: auto; flex: 1; border-left: 0; }
}
`;
