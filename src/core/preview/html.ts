// The preview's HTML documents, as pure functions of their inputs: the webview shell the host hands to
// VS Code, and a self-contained static export of the reply tree that works in any browser without scripts.
import { DRAFTER_LABEL, hasDrafterReply, nodeMetaLabel, speakerColourClass, speakerLabel } from './labels';
import { PreviewState } from './messages';
import { ViewBadge, ViewModel, ViewNode, ViewSpeaker } from './viewModel';

export interface PreviewHtmlOptions {
  /** `webview.cspSource`: where the stylesheet (and local images) may come from. */
  cspSource: string;
  /** A fresh random nonce per document: only the script carrying it runs. */
  nonce: string;
  /** `webview.asWebviewUri(media/preview.js)`, as a string. */
  scriptUri: string;
  /** `webview.asWebviewUri(media/preview.css)`, as a string. */
  styleUri: string;
  /** State the serializer restored; the script prefers `vscode.getState()` and falls back to this. */
  state?: PreviewState;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

/** The webview document: a strict CSP that lets only the nonce'd script and the extension's styles in. */
export function previewHtml(options: PreviewHtmlOptions): string {
  const { cspSource, nonce, scriptUri, styleUri, state } = options;
  // Both end up inside the CSP, where a quote or a semicolon would add or widen a directive.
  if (!/^[A-Za-z0-9+/_=-]{16,}$/.test(nonce)) throw new Error('previewHtml: the nonce must be at least 16 base64 characters.');
  // VS Code's cspSource is a source list ("'self' https://*.vscode-cdn.net" in code-server): each item
  // must be a keyword or a scheme/host source; nothing that could end the directive or the attribute.
  const sources = cspSource.trim().split(/\s+/);
  if (!cspSource.trim() || !sources.every((source) => /^(?:'self'|[A-Za-z][A-Za-z0-9+.-]*:(?:\/\/[^\s;,'"<>]*)?|[^\s;,'"<>:]+(?::\d+)?)$/.test(source))) {
    throw new Error(`previewHtml: unexpected cspSource ${JSON.stringify(cspSource)}.`);
  }
  const csp = [
    "default-src 'none'",
    `img-src ${cspSource} https: data:`,
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const stateAttribute = state ? ` data-state="${escapeHtml(JSON.stringify(state))}"` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp.replace(/&/g, '&amp;').replace(/"/g, '&quot;')};">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(styleUri)}">
<title>Reply tree</title>
</head>
<body>
<main id="riposte-preview" class="preview"${stateAttribute}><p class="placeholder">Loading the reply tree…</p></main>
<script nonce="${escapeHtml(nonce)}" src="${escapeHtml(scriptUri)}"></script>
</body>
</html>
`;
}

// --- static export -------------------------------------------------------------------------------------

/**
 * Values for the `--vscode-*` variables preview.css uses, since they exist only inside VS Code: close to the
 * Light Modern and Dark Modern themes, switched by the reader's colour scheme.
 */
const EXPORT_THEME = `
:root {
  color-scheme: light dark;
  --vscode-font-family: system-ui, -apple-system, "Segoe UI", Ubuntu, sans-serif;
  --vscode-font-size: 13px;
  --vscode-editor-font-size: 14px;
  --vscode-editor-font-family: ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
  --vscode-editor-background: #ffffff;
  --vscode-editor-foreground: #3b3b3b;
  --vscode-foreground: #3b3b3b;
  --vscode-descriptionForeground: #616161;
  --vscode-disabledForeground: #61616180;
  --vscode-editorLineNumber-foreground: #6e7681;
  --vscode-focusBorder: #005fb8;
  --vscode-textLink-foreground: #005fb8;
  --vscode-textLink-activeForeground: #005fb8;
  --vscode-textBlockQuote-background: #f8f8f8;
  --vscode-textBlockQuote-border: #e5e5e5;
  --vscode-textCodeBlock-background: #f8f8f8;
  --vscode-textPreformat-foreground: #3b3b3b;
  --vscode-textPreformat-background: #0000001f;
  --vscode-widget-border: #e5e5e5;
  --vscode-panel-border: #e5e5e5;
  --vscode-list-hoverBackground: #f2f2f2;
  --vscode-badge-background: #cccccc;
  --vscode-badge-foreground: #3b3b3b;
  --vscode-editorError-foreground: #e51400;
  --vscode-editorWarning-foreground: #bf8803;
  --vscode-editorInfo-foreground: #1a85ff;
  --vscode-charts-blue: #1a85ff;
  --vscode-charts-orange: #d18616;
  --vscode-charts-purple: #652d90;
  --vscode-charts-green: #388a34;
  --vscode-charts-red: #e51400;
  --vscode-charts-yellow: #bf8803;
  --vscode-terminal-ansiCyan: #0598bc;
  --vscode-terminal-ansiMagenta: #bc05bc;
}
@media (prefers-color-scheme: dark) {
  :root {
    --vscode-editor-background: #1f1f1f;
    --vscode-editor-foreground: #cccccc;
    --vscode-foreground: #cccccc;
    --vscode-descriptionForeground: #9d9d9d;
    --vscode-disabledForeground: #cccccc80;
    --vscode-editorLineNumber-foreground: #6e7681;
    --vscode-focusBorder: #0078d4;
    --vscode-textLink-foreground: #4daafc;
    --vscode-textLink-activeForeground: #4daafc;
    --vscode-textBlockQuote-background: #2b2b2b;
    --vscode-textBlockQuote-border: #616161;
    --vscode-textCodeBlock-background: #2b2b2b;
    --vscode-textPreformat-foreground: #d0d0d0;
    --vscode-textPreformat-background: #3c3c3c;
    --vscode-widget-border: #313131;
    --vscode-panel-border: #2b2b2b;
    --vscode-list-hoverBackground: #2a2d2e;
    --vscode-badge-background: #616161;
    --vscode-badge-foreground: #f8f8f8;
    --vscode-editorError-foreground: #f14c4c;
    --vscode-editorWarning-foreground: #cca700;
    --vscode-editorInfo-foreground: #3794ff;
    --vscode-charts-blue: #3794ff;
    --vscode-charts-orange: #d18616;
    --vscode-charts-purple: #b180d7;
    --vscode-charts-green: #89d185;
    --vscode-charts-red: #f14c4c;
    --vscode-charts-yellow: #cca700;
    --vscode-terminal-ansiCyan: #11a8cd;
    --vscode-terminal-ansiMagenta: #bc3fbc;
  }
}
body { margin: 0; padding: 0 20px; background: var(--vscode-editor-background); color: var(--vscode-foreground); }
a { color: var(--vscode-textLink-foreground); }
details > summary { list-style: none; cursor: pointer; }
details > summary::-webkit-details-marker { display: none; }
details:not([open]) > summary > .twisty::before { transform: translateX(-1px) rotate(-45deg); }
summary.row:hover { background-color: var(--vscode-list-hoverBackground); }
details > summary:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
@media print { .tree-node > details > summary .twisty { display: none; } }
`;

function exportBadge(badge: ViewBadge): string {
  return `<span class="badge severity-${escapeHtml(badge.severity)}" title="${escapeHtml(badge.message)}">${escapeHtml(badge.label)}</span>`;
}

/**
 * The excerpt as the core rendered it (markdown-it without raw HTML, http(s)/mailto links only). Links get
 * rel=noopener so an exported page never hands its window to the page it opens.
 */
function exportExcerpt(html: string): string {
  return html.replace(/<a href="/g, '<a rel="noopener noreferrer" href="');
}

function exportNode(node: ViewNode, speakers: readonly ViewSpeaker[]): string {
  const who = speakerLabel(node, speakers);
  const header = [
    node.children.length ? '<span class="twisty" aria-hidden="true"></span>' : '<span class="twisty leaf" aria-hidden="true"></span>',
    '<span class="head">',
    `<span class="speaker${node.inferred ? ' inferred' : ''}"${node.inferred ? ' title="Speaker inferred from the thread"' : ''}>${escapeHtml(who.name)}${node.inferred ? '<span class="inferred-mark"> (inferred)</span>' : ''}</span>`,
    `<span class="kind kind-${node.kind}">${node.kind}</span>`,
    `<span class="meta">${nodeMetaLabel(node)}</span>`,
    node.badges.length ? `<span class="badges">${node.badges.map(exportBadge).join('')}</span>` : '',
    '</span>',
  ].join('');
  const excerpt = node.html ? `<div class="excerpt excerpt-${node.kind}${node.inferred ? ' inferred' : ''}">${exportExcerpt(node.html)}</div>` : '';
  const attributes = `class="tree-node kind-${node.kind} ${who.className}${node.inferred ? ' inferred' : ''}" data-line="${node.startLine}" data-end-line="${node.endLine}"`;
  if (!node.children.length) return `<li ${attributes}><div class="row">${header}</div>${excerpt}</li>`;
  const children = node.children.map((child) => exportNode(child, speakers)).join('\n');
  return `<li ${attributes}><details open><summary class="row">${header}</summary>${excerpt}<ul class="children">\n${children}\n</ul></details></li>`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `<span class="count"><strong>${count}</strong> ${count === 1 ? one : many}</span>`;
}

/** A static HTML page of the reply tree: no scripts (the CSP forbids them), collapsible with <details>. */
export function exportHtml(model: ViewModel, css: string): string {
  // Nothing in the style may close the element: CSS never needs a raw "<", so escape them all.
  const style = `${EXPORT_THEME}\n${css}`.replace(/</g, '\\3c ');
  const hash = sha256Base64(style);
  const csp = `default-src 'none'; style-src 'sha256-${hash}'; img-src https: data:; base-uri 'none'; form-action 'none'`;
  const { summary } = model;
  const drafter = hasDrafterReply(model.nodes) ? `<li class="legend-item speaker-you"><span class="swatch" aria-hidden="true"></span>${DRAFTER_LABEL}</li>` : '';
  const legend = model.speakers
    .map((speaker) => {
      const className = speakerColourClass(speaker);
      return `<li class="legend-item ${className}${speaker.inferred ? ' inferred' : ''}"><span class="swatch" aria-hidden="true"></span>${escapeHtml(speaker.name)}${speaker.inferred ? '<span class="inferred-mark"> (inferred)</span>' : ''}</li>`;
    })
    .join('');
  const title = `Reply tree — ${model.file}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="generator" content="Riposte">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body class="export">
<main class="preview">
<header class="summary">
<h1 class="file">${escapeHtml(model.file)}</h1>
<div class="counts">${plural(summary.speakers, 'speaker')}${plural(summary.quotes, 'quote')}${plural(summary.replies, 'reply', 'replies')}<span class="count${summary.unanswered ? ' attention' : ''}"><strong>${summary.unanswered}</strong> unanswered</span><span class="count${summary.findings ? ' attention' : ''}"><strong>${summary.findings}</strong> ${summary.findings === 1 ? 'finding' : 'findings'}</span></div>
</header>
<ul class="legend" aria-label="Speakers">${legend}${drafter}</ul>
${model.nodes.length ? `<ul class="tree">\n${model.nodes.map((node) => exportNode(node, model.speakers)).join('\n')}\n</ul>` : '<p class="empty">Nothing to show: the draft has no quotes or replies yet.</p>'}
</main>
</body>
</html>
`;
}

// --- SHA-256, for the export's style hash (the core has no crypto module) -------------------------------

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

function utf8(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const point = code >= 0xd800 && code <= 0xdfff ? 0xfffd : code; // a lone surrogate, as TextEncoder does
    if (point < 0x80) bytes.push(point);
    else if (point < 0x800) bytes.push(0xc0 | (point >> 6), 0x80 | (point & 63));
    else if (point < 0x10000) bytes.push(0xe0 | (point >> 12), 0x80 | ((point >> 6) & 63), 0x80 | (point & 63));
    else bytes.push(0xf0 | (point >> 18), 0x80 | ((point >> 12) & 63), 0x80 | ((point >> 6) & 63), 0x80 | (point & 63));
  }
  return Uint8Array.from(bytes);
}

/** SHA-256 of the UTF-8 bytes of `text`, base64-encoded (the form CSP hash sources take). */
export function sha256Base64(text: string): string {
  const data = utf8(text);
  const length = data.length;
  const padded = new Uint8Array((((length + 9 + 63) >> 6) << 6));
  padded.set(data);
  padded[length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(length / 0x20000000));
  view.setUint32(padded.length - 4, (length << 3) >>> 0);
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
  const digest = new Uint8Array(32);
  const out = new DataView(digest.buffer);
  for (let i = 0; i < 8; i++) out.setUint32(i * 4, h[i]);
  return base64(digest);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64[(n >> 18) & 63] + BASE64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? BASE64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? BASE64[n & 63] : '=';
  }
  return out;
}
