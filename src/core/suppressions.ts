import { LineText } from './text';

/**
 * Suppression comments, as markdownlint has them:
 * `<!-- riposte-disable rule -->` … `<!-- riposte-enable rule -->`, `<!-- riposte-disable-next-line rule -->`
 * and `<!-- riposte-disable-file rule -->`. No rule ids means every rule.
 */
export interface Suppressions {
  isSuppressed(rule: string, line: number): boolean;
  readonly directives: readonly SuppressionDirective[];
}

export interface SuppressionDirective {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-file';
  /** Empty: all rules. */
  rules: string[];
  line: number;
}

/** A draft without suppression comments. */
export const NO_SUPPRESSIONS: Suppressions = Object.freeze({ isSuppressed: () => false, directives: Object.freeze([]) });

const DIRECTIVE = /<!--\s*riposte-(disable-next-line|disable-file|disable|enable)\b([^]*?)-->/g;

export function parseSuppressions(lines: readonly LineText[], skip: (line: number) => boolean): Suppressions {
  const directives: SuppressionDirective[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].text;
    if (!text.includes('riposte-') || skip(i)) continue;
    for (const match of text.matchAll(DIRECTIVE)) {
      const rules = match[2].split(/[\s,]+/).filter(Boolean);
      directives.push({ kind: match[1] as SuppressionDirective['kind'], rules, line: i });
    }
  }
  if (directives.length === 0) return NO_SUPPRESSIONS;

  const fileWide = new Set<string>();
  let allFileWide = false;
  const nextLine = new Map<number, SuppressionDirective[]>();
  const regions: SuppressionDirective[] = [];
  for (const directive of directives) {
    if (directive.kind === 'disable-file') {
      if (directive.rules.length === 0) allFileWide = true;
      for (const rule of directive.rules) fileWide.add(rule);
    } else if (directive.kind === 'disable-next-line') {
      const target = nextNonBlankLine(lines, directive.line);
      nextLine.set(target, [...(nextLine.get(target) ?? []), directive]);
    } else {
      regions.push(directive);
    }
  }

  const applies = (directive: SuppressionDirective, rule: string) => directive.rules.length === 0 || directive.rules.includes(rule);
  return {
    directives,
    isSuppressed(rule: string, line: number): boolean {
      if (allFileWide || fileWide.has(rule)) return true;
      if (nextLine.get(line)?.some((directive) => applies(directive, rule))) return true;
      let disabled = false;
      for (const directive of regions) {
        if (directive.line > line) break;
        if (applies(directive, rule)) disabled = directive.kind === 'disable';
      }
      return disabled;
    },
  };
}

function nextNonBlankLine(lines: readonly LineText[], line: number): number {
  for (let i = line + 1; i < lines.length; i++) if (lines[i].text.trim() !== '') return i;
  return line + 1;
}
