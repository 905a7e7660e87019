/** The message box, its toolbar, the attachment chip and the autocomplete list. */
export const COMPOSER_CSS = `
.composer { position: relative; padding: 0 20px 18px; }
.composer-box {
  border: 1px solid var(--border-strong); border-radius: 10px; background: #fff;
  transition: border-color 0.12s, box-shadow 0.12s;
}
.composer-box:focus-within { border-color: #8B8A8E; box-shadow: 0 1px 6px rgba(29, 28, 29, 0.1); }
.composer-input {
  display: block; width: 100%; min-height: 44px; max-height: 40vh; padding: 11px 14px 4px;
  border: 0; outline: none; resize: none; background: transparent; line-height: 1.46668;
}
.composer-input::placeholder { color: #767578; }
.composer-toolbar { display: flex; align-items: center; gap: 2px; padding: 2px 6px 6px; }
.composer-tool { width: 28px; height: 28px; }
.composer-hint { margin-left: auto; margin-right: 8px; color: var(--text-muted); font-size: 12px; white-space: nowrap; }
.composer-send {
  display: inline-grid; place-items: center; width: 34px; height: 30px; padding: 0;
  border: 0; border-radius: 7px; background: var(--primary); color: #fff; cursor: pointer;
}
.composer-send .icon { width: 17px; height: 17px; }
.composer-send:hover { background: var(--primary-hover); }
.composer-send:disabled { background: transparent; color: #9A999D; cursor: default; }
.composer-usage { padding: 0 14px 4px; color: var(--text-muted); font-size: 12.5px; }
.composer-usage strong { color: var(--text); }
.composer-error { margin: 6px 2px 0; color: var(--danger); font-size: 13px; font-weight: 500; }
.composer-attachment {
  display: flex; align-items: center; gap: 10px; width: min(100% - 20px, 360px); margin: 10px 10px 0; padding: 8px 6px 8px 8px;
  border: 1px solid var(--border); border-radius: 10px; background: var(--surface-hover);
}
.composer-attachment[hidden] { display: none; }
.composer-attachment .file-card-icon { width: 34px; height: 34px; }

.attach { position: relative; }
.menu {
  position: absolute; bottom: calc(100% + 8px); left: 0; z-index: 20; width: 380px; padding: 6px 0;
  border-radius: 10px; background: #fff; box-shadow: var(--shadow-pop);
}
.menu-heading { padding: 6px 14px 4px; color: var(--text-muted); font-size: 12px; font-weight: 700; letter-spacing: 0.02em; text-transform: uppercase; }
.menu-separator { margin: 6px 0; border-top: 1px solid var(--border); }
.menu-item {
  display: flex; align-items: center; gap: 10px; width: 100%; padding: 7px 14px;
  border: 0; background: none; text-align: left; cursor: pointer;
}
.menu-item .file-card-icon { width: 30px; height: 30px; border-radius: 7px; }
.menu-item .file-card-icon .icon { width: 16px; height: 16px; }
.menu-item:hover, .menu-item:focus { background: var(--link); color: #fff; outline: none; }
.menu-item:hover .menu-item-detail, .menu-item:focus .menu-item-detail { color: rgba(255, 255, 255, 0.9); }
.menu-item-text { display: flex; flex-direction: column; min-width: 0; line-height: 1.35; }
.menu-item-label { font-size: 14px; font-weight: 600; }
.menu-item-detail { color: var(--text-muted); font-size: 12px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }

.suggestions {
  position: absolute; bottom: calc(100% - 10px); left: 20px; right: 20px; z-index: 15;
  max-height: 300px; overflow-y: auto; padding: 6px 0; border-radius: 10px; background: #fff; box-shadow: var(--shadow-pop);
}
.suggestions-heading { padding: 4px 14px 6px; color: var(--text-muted); font-size: 12px; font-weight: 600; }
.suggestion { display: flex; align-items: center; gap: 10px; padding: 7px 14px; cursor: pointer; }
.suggestion[aria-selected="true"] { background: var(--link); color: #fff; }
.suggestion-label { font-weight: 700; }
.suggestion-hint { color: var(--text-muted); font-size: 13px; }
.suggestion-detail { margin-left: auto; max-width: 55%; color: var(--text-muted); font-size: 13px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.suggestion[aria-selected="true"] .suggestion-hint, .suggestion[aria-selected="true"] .suggestion-detail { color: rgba(255, 255, 255, 0.92); }
`;
