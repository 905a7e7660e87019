/** Fonts, colours and the rules every part of the page shares. Colours keep text at 4.5:1 or more. */
export const BASE_CSS = `
@font-face {
  font-family: "InterVariable";
  font-style: normal;
  font-weight: 100 900;
  font-display: swap;
  src: url("/sandbox/assets/fonts/InterVariable.woff2") format("woff2");
}
@font-face {
  font-family: "InterVariable";
  font-style: italic;
  font-weight: 100 900;
  font-display: swap;
  src: url("/sandbox/assets/fonts/InterVariable-Italic.woff2") format("woff2");
}

:root {
  --font: "InterVariable", system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif;
  --mono: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace;
  --frame: #2C0A2E;
  --sidebar: #3A0F3C;
  --sidebar-text: rgba(255, 255, 255, 0.78);
  --sidebar-hover: rgba(255, 255, 255, 0.08);
  --sidebar-active: #1164A3;
  --text: #1D1C1D;
  --text-muted: #616061;
  --border: #E3E2E4;
  --border-strong: #C9C8CB;
  --surface: #FFFFFF;
  --surface-hover: #F7F7F8;
  --surface-sunken: #F4F4F5;
  --link: #1264A3;
  --primary: #007A5A;
  --primary-hover: #006B4F;
  --danger: #C41A4E;
  --focus: #1D9BD1;
  --code: #C01343;
  --radius: 8px;
  --shadow-pop: 0 0 0 1px rgba(29, 28, 29, 0.08), 0 8px 24px rgba(29, 28, 29, 0.16);
  color-scheme: light;
}

*, *::before, *::after { box-sizing: border-box; }

/* The hidden attribute wins over any display a component sets. */
[hidden] { display: none !important; }

html, body { height: 100%; margin: 0; }

body {
  font-family: var(--font);
  font-size: 15px;
  line-height: 1.46668;
  font-feature-settings: "cv11", "ss01";
  color: var(--text);
  background: var(--frame);
  -webkit-font-smoothing: antialiased;
  text-rendering: optimizeLegibility;
}

button, input, select, textarea { font: inherit; color: inherit; }

a { color: var(--link); text-decoration: none; }
a:hover { text-decoration: underline; }

:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; border-radius: 4px; }

.visually-hidden {
  position: absolute !important;
  width: 1px; height: 1px;
  margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}

.svg-defs { position: absolute; width: 0; height: 0; overflow: hidden; }

.skip-link {
  position: absolute; left: 12px; top: -48px; z-index: 100;
  background: #fff; color: var(--text); padding: 8px 12px; border-radius: var(--radius);
  box-shadow: var(--shadow-pop); font-weight: 600;
}
.skip-link:focus { top: 8px; }

.boot { color: rgba(255, 255, 255, 0.85); text-align: center; margin-top: 30vh; font-size: 15px; }

.icon { width: 18px; height: 18px; flex: none; fill: none; stroke: currentColor; stroke-width: 1.8; stroke-linecap: round; stroke-linejoin: round; }
.icon--small { width: 15px; height: 15px; }
.icon--title { width: 18px; height: 18px; stroke-width: 2.2; }
.icon--large { width: 32px; height: 32px; }

.icon-button {
  display: inline-grid; place-items: center; flex: none;
  width: 30px; height: 30px; padding: 0;
  border: 0; border-radius: 6px; background: transparent; color: var(--text-muted);
  cursor: pointer;
}
.icon-button:hover { background: var(--surface-sunken); color: var(--text); }

.button {
  display: inline-flex; align-items: center; justify-content: center; gap: 6px;
  height: 36px; padding: 0 14px;
  border: 1px solid var(--border-strong); border-radius: var(--radius);
  background: #fff; color: var(--text); font-size: 14px; font-weight: 600; white-space: nowrap;
  cursor: pointer; text-decoration: none;
}
.button:hover { background: var(--surface-hover); text-decoration: none; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.08); }
.button:disabled { opacity: 0.55; cursor: not-allowed; box-shadow: none; }
.button--primary { background: var(--primary); border-color: var(--primary); color: #fff; }
.button--primary:hover { background: var(--primary-hover); }
.button--danger { background: var(--danger); border-color: var(--danger); color: #fff; }
.button--small { height: 30px; padding: 0 10px; font-size: 13px; }

.link-button { border: 0; padding: 0; background: none; color: var(--link); cursor: pointer; font-size: inherit; }
.link-button:hover { text-decoration: underline; }

.badge {
  display: inline-block; padding: 0 4px; border-radius: 3px;
  background: rgba(29, 28, 29, 0.08); color: #555456;
  font-size: 10px; font-weight: 700; line-height: 16px; letter-spacing: 0.04em; vertical-align: 1px;
}

.avatar {
  display: inline-grid; place-items: center; flex: none;
  width: 36px; height: 36px; border-radius: 8px;
  color: #fff; font-size: 14px; font-weight: 700; letter-spacing: 0.02em;
}
.avatar--small { width: 20px; height: 20px; border-radius: 5px; font-size: 9px; }
.avatar--sidebar { width: 20px; height: 20px; border-radius: 5px; }
.avatar--title { width: 22px; height: 22px; border-radius: 5px; }
.avatar--topbar { width: 24px; height: 24px; border-radius: 6px; }
.avatar--large { width: 72px; height: 72px; border-radius: 14px; }

kbd {
  font-family: var(--font); font-size: 11px; font-weight: 600;
  padding: 0 4px; border: 1px solid var(--border-strong); border-bottom-width: 2px; border-radius: 4px; background: #fff;
}

@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation-duration: 0.01ms !important; animation-iteration-count: 1 !important; transition: none !important; }
}
`;
