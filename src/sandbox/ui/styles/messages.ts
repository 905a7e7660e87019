/** Messages: grouping, hover actions, thread summaries, files, ephemeral notes and the typing line. */
export const MESSAGES_CSS = `
.message-list { padding: 4px 0 12px; }

.day-divider { position: relative; display: flex; justify-content: center; margin: 12px 0 4px; }
.day-divider::before { content: ""; position: absolute; left: 0; right: 0; top: 50%; border-top: 1px solid var(--border); }
.day-divider-label {
  position: relative; padding: 2px 14px; border: 1px solid var(--border); border-radius: 999px;
  background: #fff; font-size: 13px; font-weight: 700;
}

.msg {
  position: relative; display: grid; grid-template-columns: 36px minmax(0, 1fr); column-gap: 10px;
  padding: 8px 20px 8px 20px;
}
.msg:hover, .msg:focus-within { background: var(--surface-hover); }
.msg:focus { outline: none; box-shadow: inset 3px 0 0 var(--focus); }
.msg--compact { padding-top: 2px; padding-bottom: 2px; }
.msg-gutter { display: flex; justify-content: flex-end; padding-top: 2px; }
.msg--compact .msg-gutter { padding-top: 0; }
.msg-body { min-width: 0; }
.msg-header { display: flex; align-items: baseline; gap: 6px; line-height: 1.4; }
.msg-author { font-weight: 800; }
.msg-time { color: var(--text-muted); font-size: 12px; }
.msg-time--gutter { visibility: hidden; line-height: 22px; font-size: 11px; white-space: nowrap; }
.msg--compact:hover .msg-time--gutter, .msg--compact:focus-within .msg-time--gutter { visibility: visible; }
.msg-edited { color: var(--text-muted); font-size: 12px; }

.msg-actions {
  position: absolute; top: -12px; right: 18px; z-index: 2; display: flex; padding: 2px;
  border: 1px solid var(--border); border-radius: 8px; background: #fff; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.08);
  opacity: 0; pointer-events: none;
}
.msg:hover .msg-actions, .msg:focus-within .msg-actions { opacity: 1; pointer-events: auto; }

.msg--system { padding-top: 4px; padding-bottom: 4px; align-items: center; }
.msg--system .msg-gutter { padding-top: 0; }
.msg--system .msg-body { display: flex; align-items: baseline; gap: 8px; }
.msg-system-text { color: var(--text-muted); font-size: 14px; }

.msg--ephemeral .msg-body { border-left: 3px solid #D1D0D3; padding-left: 10px; margin-left: -13px; }
.msg-ephemeral-note { display: flex; align-items: center; gap: 6px; margin-top: 4px; color: var(--text-muted); font-size: 12px; }
.msg-ephemeral-note .link-button { font-size: 12px; }

.thread-summary {
  display: flex; align-items: center; gap: 8px; margin-top: 4px; padding: 4px 8px 4px 4px; max-width: 600px; width: 100%;
  border: 1px solid transparent; border-radius: 8px; background: none; cursor: pointer; text-align: left;
}
.thread-summary:hover { border-color: var(--border); background: #fff; }
.thread-summary-avatars { display: flex; gap: 4px; }
.thread-summary-count { color: var(--link); font-size: 13px; font-weight: 700; }
.thread-summary-last, .thread-summary-status { color: var(--text-muted); font-size: 13px; }
.thread-summary-status { font-style: italic; }
.thread-summary-view { display: none; margin-left: auto; color: var(--text-muted); font-size: 13px; }
.thread-summary:hover .thread-summary-view { display: inline; }
.thread-summary:hover .thread-summary-last { display: none; }

.thread-parent .msg { padding-top: 12px; }
.thread-divider { display: flex; align-items: center; gap: 12px; padding: 4px 20px; color: var(--text-muted); font-size: 13px; }
.thread-divider::after { content: ""; flex: 1; border-top: 1px solid var(--border); }
.thread-missing { padding: 12px 20px; color: var(--text-muted); }

.msg-files { display: flex; flex-direction: column; align-items: flex-start; gap: 8px; margin-top: 6px; }
.file-image { margin: 0; }
.file-image-button { display: block; padding: 0; border: 0; background: none; cursor: zoom-in; border-radius: 8px; }
.file-image img {
  display: block; max-width: min(100%, 520px); max-height: 380px; width: auto; height: auto;
  border: 1px solid var(--border); border-radius: 8px; background: #fff;
}
.file-image-caption { margin-top: 4px; color: var(--text-muted); font-size: 12px; }

.file-card {
  display: flex; align-items: center; gap: 12px; width: min(100%, 400px); padding: 10px 10px 10px 12px;
  border: 1px solid var(--border); border-radius: 10px; background: #fff;
}
.file-card-icon { display: grid; place-items: center; flex: none; width: 38px; height: 38px; border-radius: 8px; background: #1264A3; color: #fff; }
.file-card-icon--sheet { background: #107C41; }
.file-card-text { display: flex; flex-direction: column; flex: 1; min-width: 0; line-height: 1.35; }
.file-card-name { font-weight: 700; font-size: 14px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.file-card-meta { color: var(--text-muted); font-size: 12px; }

.msg-attachments { display: flex; flex-direction: column; gap: 8px; margin-top: 6px; }
.attachment { display: flex; max-width: 640px; }
.attachment-bar { flex: none; width: 4px; border-radius: 4px; }
.attachment-body { flex: 1; min-width: 0; padding: 2px 0 2px 12px; display: flex; flex-direction: column; gap: 4px; }
.attachment-author { font-size: 13px; font-weight: 700; }
.attachment-title { font-weight: 700; }
.attachment-image { max-width: min(100%, 400px); border-radius: 6px; }

.typing { display: flex; align-items: center; gap: 8px; padding: 2px 0 6px; color: var(--text-muted); font-size: 13px; }
.typing[hidden] { display: none; }
.typing-dots { display: inline-flex; gap: 3px; }
.typing-dots span { width: 5px; height: 5px; border-radius: 50%; background: #8D8C90; animation: typing 1.2s infinite ease-in-out; }
.typing-dots span:nth-child(2) { animation-delay: 0.15s; }
.typing-dots span:nth-child(3) { animation-delay: 0.3s; }
@keyframes typing { 0%, 60%, 100% { opacity: 0.3; transform: translateY(0); } 30% { opacity: 1; transform: translateY(-2px); } }

.stream-caret { display: inline-block; width: 7px; height: 15px; margin-left: 2px; vertical-align: -2px; background: var(--text); animation: blink 1s steps(2, start) infinite; }
@keyframes blink { to { visibility: hidden; } }

.prompt-chips { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; padding-bottom: 8px; }
.prompt-chips-title { font-size: 12px; font-weight: 600; color: var(--text-muted); margin-right: 4px; }
.chip {
  height: 28px; padding: 0 12px; border: 1px solid var(--border-strong); border-radius: 999px;
  background: #fff; font-size: 13px; font-weight: 500; cursor: pointer;
}
.chip:hover { background: var(--surface-hover); border-color: #A9A8AC; }
`;
