// Defence in depth for excerpts. The core already renders them with markdown-it without raw HTML and keeps
// only http(s)/mailto links, and the webview's CSP forbids every script but ours; still, the HTML is treated
// as untrusted: parsed inert in a <template>, then rebuilt from an allowlist of elements and attributes.

/** Elements markdown-it produces (plus a few harmless ones), kept with their allowed attributes. */
const ALLOWED = new Set([
  'P', 'BR', 'HR', 'EM', 'STRONG', 'B', 'I', 'U', 'S', 'DEL', 'INS', 'MARK', 'SUB', 'SUP', 'SMALL', 'CODE', 'KBD', 'SAMP', 'PRE',
  'BLOCKQUOTE', 'UL', 'OL', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'A', 'IMG', 'SPAN',
  'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD',
]);

/** Elements dropped with everything inside them; any other unknown element is unwrapped to its content. */
const DROPPED = new Set([
  'SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED', 'APPLET', 'LINK', 'META', 'BASE',
  'FORM', 'INPUT', 'BUTTON', 'TEXTAREA', 'SELECT', 'OPTION', 'SVG', 'MATH', 'VIDEO', 'AUDIO', 'SOURCE', 'TRACK', 'CANVAS',
  'DIALOG', 'PORTAL', 'TITLE', 'HEAD', 'XMP', 'PLAINTEXT', 'NOEMBED', 'NOFRAMES', 'SLOT',
]);

const ATTRIBUTES: Record<string, readonly string[]> = {
  A: ['href', 'title'],
  IMG: ['src', 'alt', 'title'],
  OL: ['start'],
  CODE: ['class'],
  PRE: ['class'],
  TH: ['align'],
  TD: ['align'],
};

/** Links the host may open: the same schemes the core lets through. */
export const SAFE_LINK = /^(?:https?:|mailto:)/i;
const SAFE_IMAGE = /^(?:https:|data:image\/(?:png|gif|jpeg|webp);)/i;

/** Parses `html` inertly and returns a fragment holding only allowlisted elements and attributes. */
export function sanitizeExcerpt(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html; // inert: nothing in a template's content runs or loads
  const fragment = template.content;
  cleanChildren(fragment);
  return fragment; // appending it adopts the nodes into the live document
}

function cleanChildren(parent: ParentNode): void {
  let child = parent.firstChild;
  while (child) {
    const next = child.nextSibling;
    if (child.nodeType === Node.ELEMENT_NODE) cleanElement(child as Element);
    else if (child.nodeType !== Node.TEXT_NODE) child.remove(); // comments, processing instructions
    child = next;
  }
}

function cleanElement(element: Element): void {
  const tag = element.tagName.toUpperCase();
  if (element.namespaceURI !== 'http://www.w3.org/1999/xhtml' || DROPPED.has(tag)) {
    element.remove();
    return;
  }
  if (!ALLOWED.has(tag)) {
    // Unknown element: keep its (cleaned) content, lose the element and its attributes.
    cleanChildren(element);
    element.replaceWith(...Array.from(element.childNodes));
    return;
  }
  const allowed = ATTRIBUTES[tag] ?? [];
  for (const attribute of Array.from(element.attributes)) {
    if (!allowed.includes(attribute.name.toLowerCase())) element.removeAttribute(attribute.name);
  }
  if (tag === 'A') {
    const href = element.getAttribute('href');
    if (href === null || !SAFE_LINK.test(href)) element.removeAttribute('href');
    else {
      element.setAttribute('rel', 'noopener noreferrer');
      if (!element.hasAttribute('title')) element.setAttribute('title', href);
    }
  } else if (tag === 'IMG') {
    const src = element.getAttribute('src');
    if (src === null || !SAFE_IMAGE.test(src)) element.removeAttribute('src');
    element.setAttribute('loading', 'lazy');
  } else if (tag === 'CODE' || tag === 'PRE') {
    const className = element.getAttribute('class');
    if (className !== null && !/^language-[\w-]{1,40}$/.test(className)) element.removeAttribute('class');
  } else if (tag === 'OL') {
    const start = element.getAttribute('start');
    if (start !== null && !/^\d{1,9}$/.test(start)) element.removeAttribute('start');
  } else if (tag === 'TH' || tag === 'TD') {
    const align = element.getAttribute('align');
    if (align !== null && !/^(?:left|right|center)$/.test(align)) element.removeAttribute('align');
  }
  cleanChildren(element);
}
