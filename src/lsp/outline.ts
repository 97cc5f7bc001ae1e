// The thread's shape for other editors: an outline (headings, quotes under their speakers' names, the
// replies to each), folding, and a hover naming who is quoted and what answers them. All of it is read
// from the reply tree (src/core/thread.ts) and the parsed draft; nothing here lints.
import { DocumentSymbol, FoldingRange, FoldingRangeKind, Hover, MarkupKind, Range, SymbolKind } from 'vscode-languageserver';
import * as core from '../core';

type Line = { text: string };

function lineSpan(lines: readonly Line[], startLine: number, endLine: number): Range {
  return { start: { line: startLine, character: 0 }, end: { line: endLine, character: lines[endLine]?.text.length ?? 0 } };
}

function excerpt(text: string, max = 60): string {
  const flat = text.replace(/^[\s>]+/, '').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function who(node: core.TreeNode): string | null {
  return node.speaker ? `${node.speaker}${node.inferred ? ' (inferred)' : ''}` : null;
}

function headingLevel(draft: core.Draft, unit: core.Unit): number {
  return /^#{1,6}/.exec(unit.text.trim())?.[0].length ?? (/^=+\s*$/.test(draft.lines[unit.endLine]?.text ?? '') ? 1 : 2);
}

/** Quotes named by their speaker, holding nested quotes and the replies to them; headings hold what follows them. */
export function documentSymbols(draft: core.Draft, firstLine = 0): DocumentSymbol[] {
  const tree = core.buildReplyTree(draft);
  const lines = draft.lines;
  const symbolOf = (node: core.TreeNode): DocumentSymbol | null => {
    const range = lineSpan(lines, node.range.startLine, node.range.endLine);
    const selectionRange = lineSpan(lines, node.range.startLine, node.range.startLine);
    if (node.kind === 'quote') {
      const firstWords = excerpt(node.quote && node.quote.attribution?.endLine === node.range.startLine ? (lines[node.range.startLine + 1]?.text ?? '') : (lines[node.range.startLine]?.text ?? ''));
      return {
        name: who(node) ?? 'Quote (no name)',
        detail: firstWords,
        kind: SymbolKind.Namespace,
        range,
        selectionRange,
        children: node.children.map(symbolOf).filter((s): s is DocumentSymbol => s !== null),
      };
    }
    const text = node.unit ? node.unit.text : (lines[node.range.startLine]?.text ?? '');
    const name = excerpt(text) || '(empty)';
    if (node.unit?.kind === 'heading') return { name, kind: SymbolKind.String, range, selectionRange, children: [] };
    return { name, detail: who(node) ? `reply by ${who(node)}` : 'reply', kind: SymbolKind.Field, range, selectionRange };
  };

  // Top-level nodes go under the last heading of a lower level, as an outline of sections.
  const top: DocumentSymbol[] = [];
  const open: { level: number; symbol: DocumentSymbol }[] = [];
  for (const node of tree.root.children) {
    if (node.range.endLine < firstLine) continue;
    const symbol = symbolOf(node);
    if (!symbol) continue;
    if (node.unit?.kind === 'heading' && node.depth === 0) {
      const level = headingLevel(draft, node.unit);
      while (open.length && open[open.length - 1].level >= level) open.pop();
      (open.length ? open[open.length - 1].symbol.children! : top).push(symbol);
      open.push({ level, symbol });
    } else (open.length ? open[open.length - 1].symbol.children! : top).push(symbol);
  }
  // A section's range runs to its last child, which its heading line alone does not cover.
  const widen = (symbol: DocumentSymbol): Range => {
    for (const child of symbol.children ?? []) {
      const inner = widen(child);
      if (inner.end.line > symbol.range.end.line || (inner.end.line === symbol.range.end.line && inner.end.character > symbol.range.end.character)) symbol.range = { start: symbol.range.start, end: inner.end };
    }
    return symbol.range;
  };
  top.forEach(widen);
  return top;
}

/**
 * The draft's folds (src/core/folding.ts, as VS Code folds them): a client that asks a server for folding
 * usually stops folding by indentation, so code blocks, front matter and headings' sections fold too.
 */
export function foldingRanges(draft: core.Draft): FoldingRange[] {
  const flat = core.foldingRanges(draft);
  const ranges: FoldingRange[] = [];
  for (let i = 0; i < flat.length; i += 3) ranges.push(flat[i + 2] === core.FOLD_REGION ? { startLine: flat[i], endLine: flat[i + 1], kind: FoldingRangeKind.Region } : { startLine: flat[i], endLine: flat[i + 1] });
  return ranges;
}

/** On a quoted line: whose words they are, where, and what answers them (or that nothing does). */
export function quoteHover(draft: core.Draft, line: number): Hover | null {
  const tree = core.buildReplyTree(draft);
  let found: core.TreeNode | null = null;
  const visit = (node: core.TreeNode) => {
    for (const child of node.children) {
      if (child.kind !== 'quote' || line < child.range.startLine || line > child.range.endLine) continue;
      found = child;
      visit(child);
    }
  };
  visit(tree.root);
  const quote = found as core.TreeNode | null;
  if (!quote) return null;
  const speaker = quote.speaker ? `**${quote.speaker}**${quote.inferred ? ' (inferred from the thread)' : ''}` : 'someone this draft does not name';
  const lines = `lines ${quote.range.startLine + 1}–${quote.range.endLine + 1}`;
  const answers = quote.children.filter((child) => child.kind === 'reply');
  const answered = answers.length
    ? `Answered ${answers[0].speaker ? `by ${answers[0].speaker} ` : ''}on ${answers.map((a) => (a.range.startLine === a.range.endLine ? `line ${a.range.startLine + 1}` : `lines ${a.range.startLine + 1}–${a.range.endLine + 1}`)).join(', ')}.`
    : 'Not answered yet.';
  return {
    contents: { kind: MarkupKind.Markdown, value: `Quote from ${speaker} (${lines}).\n\n${answered}` },
    range: lineSpan(draft.lines, quote.range.startLine, quote.range.endLine),
  };
}
