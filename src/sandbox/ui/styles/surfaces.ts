/** The channel intro with sample exports, the Home tab, dialogs, toasts, the image viewer and drop overlay. */
export const SURFACES_CSS = `
.channel-intro { padding: 28px 20px 12px; }
.channel-intro-title { display: flex; align-items: center; gap: 6px; margin: 8px 0 6px; font-size: 24px; font-weight: 800; letter-spacing: -0.02em; }
.channel-intro-title .icon { width: 22px; height: 22px; }
.channel-intro-text { margin: 0; max-width: 720px; color: var(--text-muted); }

.samples {
  margin-top: 20px; padding: 18px 18px 20px; max-width: 1040px;
  border: 1px solid var(--border); border-radius: 12px;
  background: linear-gradient(180deg, #FBFAFD 0%, #FFFFFF 100%);
}
.samples-heading { margin: 0; font-size: 15px; font-weight: 800; }
.samples-text { margin: 4px 0 14px; color: var(--text-muted); font-size: 14px; max-width: 720px; }
.sample-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 12px; margin: 0; padding: 0; list-style: none; }
.sample-card {
  display: flex; flex-direction: column; gap: 4px; padding: 14px;
  border: 1px solid var(--border); border-radius: 10px; background: #fff;
  box-shadow: 0 1px 2px rgba(29, 28, 29, 0.04);
}
.sample-platform { align-self: flex-start; padding: 1px 8px; border-radius: 999px; background: #EEF3FB; color: #1A4F8B; font-size: 11.5px; font-weight: 700; letter-spacing: 0.02em; }
.sample-title { margin: 4px 0 0; font-size: 14.5px; font-weight: 700; line-height: 1.35; }
.sample-description { margin: 0; color: var(--text-muted); font-size: 13px; line-height: 1.45; }
.sample-meta { margin: 2px 0 8px; color: var(--text-muted); font-size: 12px; font-family: var(--mono); }
.sample-actions { display: flex; align-items: center; justify-content: space-between; gap: 6px; margin-top: auto; }
.sample-download { border: 1px solid var(--border-strong); }

.home { flex: 1; overflow-y: auto; padding: 24px 32px 40px; }
.home > .bk-blocks { max-width: 760px; }
.home--empty { color: var(--text-muted); }
.home-hint { font-size: 13px; }

dialog { padding: 0; border: 0; color: var(--text); }
dialog::backdrop { background: rgba(29, 28, 29, 0.55); }
.dialog { width: min(560px, calc(100vw - 32px)); padding: 22px 24px 20px; border-radius: 12px; box-shadow: var(--shadow-pop); }
.dialog--small { width: min(440px, calc(100vw - 32px)); }
.dialog-header { display: flex; align-items: center; justify-content: space-between; gap: 12px; }
.dialog-title { margin: 0 0 8px; font-size: 20px; font-weight: 800; letter-spacing: -0.01em; }
.dialog-header .dialog-title { margin: 0; }
.dialog-text { margin: 8px 0; color: #3F3E41; font-size: 14.5px; }
.dialog-text code { font-family: var(--mono); font-size: 13px; padding: 1px 5px; border-radius: 4px; background: var(--surface-sunken); color: var(--code); }
.dialog-actions { display: flex; justify-content: flex-end; gap: 8px; margin-top: 20px; }
.live-step { display: flex; gap: 14px; margin-top: 16px; padding: 14px; border: 1px solid var(--border); border-radius: 10px; }
.live-step-number {
  display: grid; place-items: center; flex: none; width: 26px; height: 26px; border-radius: 50%;
  background: #F1ECF8; color: #5B2BC9; font-size: 13px; font-weight: 800;
}
.live-step-body { flex: 1; min-width: 0; }
.live-step-title { margin: 2px 0 0; font-size: 15px; font-weight: 700; }
.live-result { margin: 8px 0 0; font-size: 13.5px; color: var(--text-muted); }
.live-result:empty { display: none; }
.live-result--ok { color: #0B6B4E; }
.live-result--error { color: var(--danger); }

.toasts { position: fixed; right: 20px; bottom: 20px; z-index: 50; display: flex; flex-direction: column; gap: 8px; width: min(420px, calc(100vw - 40px)); }
.toast {
  display: flex; align-items: flex-start; gap: 10px; padding: 12px 8px 12px 14px;
  border-radius: 10px; background: #1D1C1D; color: #fff; box-shadow: var(--shadow-pop); font-size: 14px;
}
.toast .icon { margin-top: 1px; }
.toast--error .icon:first-child { color: #FF8AA8; }
.toast--info .icon:first-child { color: #5FD3A5; }
.toast-text { flex: 1; }
.toast .icon-button { width: 24px; height: 24px; color: rgba(255, 255, 255, 0.8); }
.toast .icon-button:hover { background: rgba(255, 255, 255, 0.12); color: #fff; }

.lightbox { width: min(1100px, calc(100vw - 48px)); max-height: calc(100vh - 48px); border-radius: 12px; background: #1D1C1D; color: #fff; }
.lightbox-bar { display: flex; align-items: center; gap: 8px; padding: 8px 8px 8px 16px; }
.lightbox-title { flex: 1; font-size: 14px; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.lightbox .icon-button { color: rgba(255, 255, 255, 0.85); }
.lightbox .icon-button:hover { background: rgba(255, 255, 255, 0.12); color: #fff; }
.lightbox-image { display: block; max-width: 100%; max-height: calc(100vh - 120px); margin: 0 auto 16px; padding: 0 16px; object-fit: contain; }

.drop-overlay {
  position: absolute; inset: 8px; z-index: 30; display: grid; place-items: center;
  border: 2px dashed #1264A3; border-radius: 12px; background: rgba(232, 245, 250, 0.92); pointer-events: none;
}
.drop-overlay[hidden] { display: none; }
.drop-overlay-card { display: flex; flex-direction: column; align-items: center; gap: 10px; color: #0B4C7C; font-size: 18px; font-weight: 700; }
`;
