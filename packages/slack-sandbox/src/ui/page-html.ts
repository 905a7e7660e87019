/**
 * The page's HTML shell. Everything it loads is served by the sandbox itself (styles, modules, the Inter
 * font and the emoji images): the page works offline and makes no request to another origin.
 */
export const ASSETS_PATH = "/sandbox/assets";

export function pageHtml(title: string): string {
  const safeTitle = title.replaceAll("&", "&amp;").replaceAll("<", "&lt;");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${safeTitle}</title>
<link rel="icon" href="${ASSETS_PATH}/favicon.svg" type="image/svg+xml">
<link rel="preload" href="${ASSETS_PATH}/fonts/InterVariable.woff2" as="font" type="font/woff2" crossorigin>
<link rel="stylesheet" href="${ASSETS_PATH}/app.css">
<script type="module" src="${ASSETS_PATH}/js/main.js"></script>
</head>
<body>
<a class="skip-link" href="#composer-input">Skip to the message box</a>
<svg class="svg-defs" aria-hidden="true" focusable="false" width="0" height="0">
  <defs>
    <linearGradient id="app-mark-gradient" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#5B2BC9"/>
      <stop offset="1" stop-color="#0E7C86"/>
    </linearGradient>
  </defs>
</svg>
<div id="app" class="app" aria-busy="true">
  <p class="boot">Connecting to the local Slack sandbox…</p>
</div>
<noscript><p class="boot">The sandbox needs JavaScript to show the workspace.</p></noscript>
</body>
</html>
`;
}

/** The app's mark as the tab icon. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#5B2BC9"/><stop offset="1" stop-color="#0E7C86"/></linearGradient></defs><rect width="36" height="36" rx="8" fill="url(#g)"/><rect x="8" y="20" width="5" height="8" rx="1.5" fill="#fff"/><rect x="15" y="15" width="5" height="13" rx="1.5" fill="#fff"/><rect x="22" y="10" width="5" height="18" rx="1.5" fill="#fff"/></svg>`;
