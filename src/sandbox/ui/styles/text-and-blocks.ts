/** mrkdwn text and Block Kit, sized and spaced as Slack draws them. */
export const TEXT_AND_BLOCKS_CSS = `
.mrkdwn { overflow-wrap: anywhere; }
.md-line { margin: 0; }
.rich-text-section { white-space: pre-wrap; }
.plain-text { white-space: pre-wrap; }
.mrkdwn strong { font-weight: 700; }
.mrkdwn code {
  padding: 1px 4px; border: 1px solid rgba(29, 28, 29, 0.13); border-radius: 4px;
  background: rgba(29, 28, 29, 0.04); color: var(--code); font-family: var(--mono); font-size: 12.5px;
}
.md-pre {
  margin: 4px 0; padding: 8px 10px; border: 1px solid rgba(29, 28, 29, 0.13); border-radius: 6px;
  background: rgba(29, 28, 29, 0.04); font-family: var(--mono); font-size: 12.5px; line-height: 1.5;
  white-space: pre-wrap; overflow-wrap: anywhere;
}
.md-quote { margin: 2px 0; padding-left: 12px; border-left: 4px solid #DDDCDF; }
.md-list { margin: 2px 0; padding-left: 24px; }
.md-list li { padding-left: 2px; }
.md-list li::marker { color: var(--text-muted); }
.md-list--indent-1 { margin-left: 22px; }
.md-list--indent-2 { margin-left: 44px; }
.md-list--indent-3 { margin-left: 66px; }
.mrkdwn--inline, .mrkdwn--inline .md-line { display: inline; }

.mention { padding: 0 2px; border-radius: 3px; background: rgba(29, 155, 209, 0.1); color: var(--link); font-weight: 500; }
.mention--me { background: rgba(242, 199, 68, 0.4); color: var(--text); }
.channel-link { padding: 0 2px; border: 0; border-radius: 3px; background: rgba(29, 155, 209, 0.1); color: var(--link); font-weight: 500; cursor: pointer; }
.channel-link:hover { text-decoration: underline; }

.bk-blocks { display: flex; flex-direction: column; gap: 6px; }
.bk-block { margin: 0; }
.bk-section { display: flex; align-items: flex-start; gap: 16px; }
.bk-section-main { flex: 1; min-width: 0; }
.bk-fields { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 10px 24px; max-width: 620px; margin-top: 6px; }
.bk-section-text + .bk-fields { margin-top: 10px; }
.bk-field--wide { grid-column: 1 / -1; }
.bk-accessory { flex: none; }
.bk-accessory-image { display: block; width: 88px; height: 88px; border-radius: 8px; object-fit: cover; }
.bk-header { margin: 4px 0 0; font-size: 18px; font-weight: 800; line-height: 1.35; letter-spacing: -0.01em; }
.bk-divider { height: 0; margin: 6px 0; border: 0; border-top: 1px solid var(--border); }
.bk-context { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; color: var(--text-muted); font-size: 12.5px; line-height: 1.45; }
.bk-context-text .md-line { display: inline; }
.bk-context-image { width: 18px; height: 18px; border-radius: 4px; object-fit: cover; }
.bk-image-block { margin: 2px 0; }
.bk-image-title { margin-bottom: 6px; color: var(--text-muted); font-size: 13px; }
.bk-image-button { display: block; padding: 0; border: 0; background: none; border-radius: 8px; cursor: zoom-in; }
.bk-image { display: block; max-width: min(100%, 560px); max-height: 420px; border: 1px solid var(--border); border-radius: 8px; background: #fff; }
.bk-image-missing { display: inline-grid; place-items: center; padding: 16px; border: 1px dashed var(--border-strong); border-radius: 8px; color: var(--text-muted); font-size: 13px; }
.bk-actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 4px; }

.bk-button {
  display: inline-flex; align-items: center; gap: 6px; height: 30px; padding: 0 12px;
  border: 1px solid rgba(29, 28, 29, 0.3); border-radius: 8px; background: #fff;
  color: var(--text); font-size: 13px; font-weight: 700; cursor: pointer; white-space: nowrap;
}
.bk-button:hover { background: var(--surface-hover); box-shadow: 0 1px 3px rgba(0, 0, 0, 0.08); }
.bk-button--primary { border-color: var(--primary); background: var(--primary); color: #fff; }
.bk-button--primary:hover { background: var(--primary-hover); }
.bk-button--danger { border-color: var(--danger); background: var(--danger); color: #fff; }
.bk-button--danger:hover { background: #A9153F; }
.is-busy { opacity: 0.6; cursor: progress; }
.bk-select, .bk-input { height: 30px; padding: 0 8px; border: 1px solid rgba(29, 28, 29, 0.3); border-radius: 8px; background: #fff; font-size: 13px; }
.bk-overflow-wrap { position: relative; }
.bk-overflow { width: 32px; justify-content: center; padding: 0; }
.bk-overflow-menu { position: absolute; top: 100%; right: 0; z-index: 5; min-width: 180px; margin-top: 4px; padding: 6px 0; border-radius: 8px; background: #fff; box-shadow: var(--shadow-pop); }
.bk-overflow-item { display: block; width: 100%; padding: 6px 16px; border: 0; background: none; text-align: left; cursor: pointer; }
.bk-overflow-item:hover, .bk-overflow-item:focus { background: var(--link); color: #fff; outline: none; }
.bk-choices { display: flex; flex-direction: column; gap: 6px; margin: 0; padding: 0; border: 0; }
.bk-choice { display: flex; align-items: flex-start; gap: 8px; font-size: 14px; }
.bk-unsupported { color: var(--text-muted); font-size: 13px; font-style: italic; }
.bk-input-label { font-weight: 700; }

.bk-table-wrap { max-width: 100%; overflow-x: auto; }
.bk-table { border-collapse: collapse; font-size: 13.5px; font-variant-numeric: tabular-nums; }
.bk-table th, .bk-table td { padding: 6px 12px; border: 1px solid var(--border); text-align: left; vertical-align: top; }
.bk-table th { background: var(--surface-sunken); font-weight: 700; }
.bk-align-right { text-align: right !important; }
.bk-align-center { text-align: center !important; }
`;
