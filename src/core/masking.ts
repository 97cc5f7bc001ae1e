// What in a paragraph is not prose: inline code, HTML, autolinks, link targets and web addresses, which
// the prose rules must not read as the writer's words (blanked, so offsets still hold), and paragraphs
// that are nothing but links.
const LINK_OR_IMAGE = /!?\[(?:[^\[\]]|!?\[[^\]]*\]\([^)]*\))*\]\([^)]*\)|!?\[[^\]]*\]\[[^\]]*\]|<https?:[^>\s]*>/g;

/** A row of badges or of links (a README's shields, a table of contents): markup, not sentences. */
export function isLinksOnly(text: string): boolean {
  if (!text.includes('](') && !text.includes('][') && !text.includes('<http')) return false;
  return /^[\s|·•,/–—-]*$/.test(text.replace(LINK_OR_IMAGE, ''));
}

/** The text with inline code spans blanked (same length). */
export function maskCodeSpans(text: string): string {
  return text.replace(/(`+)[^`]*?\1/g, blank);
}

function blank(match: string): string {
  // Most matches are one line: spaces of the same length, without a pattern run per character.
  return match.includes('\n') ? match.replace(/[^\n]/g, ' ') : ' '.repeat(match.length);
}

/** The text with inline code, HTML, autolinks, link targets and web addresses blanked (same length). */
export function maskNonProse(text: string): string {
  // Each pattern runs only on text holding the characters it needs (most paragraphs hold none). Blanking
  // only writes spaces, so what the original text lacks, every later step's input lacks too.
  let masked = text;
  if (text.includes('`')) masked = maskCodeSpans(masked);
  if (text.includes('<')) {
    masked = masked
      .replace(/<!--[^]*?-->/g, blank)
      .replace(/<\/?[A-Za-z][^<>]*>/g, blank)
      .replace(/<[a-z][\w+.-]*:[^<>\s]*>/gi, blank);
  }
  if (text.includes('](')) masked = masked.replace(/\]\([^)\s]*\)/g, blank);
  if (text.includes('http')) masked = masked.replace(/\bhttps?:\/\/\S+/g, blank);
  return masked;
}
