// Fixtures carry their expected results in a trailing comment, as markdownlint's test files do:
//
//   <!-- expect
//   attribution 3 "Jane Doe"
//   quote 4-6 "Jane Doe" inferred
//   finding 12 unattributed-quote
//   -->
//
// Line numbers are 1-based. Each kind that appears is checked exhaustively; `quote none` asserts none.
import { existsSync, readdirSync } from 'node:fs';

export interface ExpectedAttribution {
  line: number;
  speaker: string | null;
}

export interface ExpectedQuote {
  startLine: number;
  endLine: number;
  speaker: string | null;
  inferred: boolean;
}

export interface ExpectedFinding {
  startLine: number;
  endLine?: number;
  rule: string;
}

export interface Expectations {
  attributions?: ExpectedAttribution[];
  quotes?: ExpectedQuote[];
  findings?: ExpectedFinding[];
}

function speakerOf(token: string): string | null {
  return token === 'none' ? null : JSON.parse(token);
}

export function readExpectations(text: string, file: string): Expectations {
  const match = /<!--\s*expect\s*\r?\n([^]*?)-->\s*$/.exec(text);
  if (!match) throw new Error(`${file}: no <!-- expect … --> block at the end`);
  const expectations: Expectations = {};
  for (const raw of match[1].split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const [kind] = line.split(/\s+/, 1);
    const rest = line.slice(kind.length).trim();
    if (kind === 'attribution') {
      expectations.attributions ??= [];
      if (rest === 'none') continue;
      const parsed = /^(\d+)\s+("(?:[^"\\]|\\.)*"|none)$/.exec(rest);
      if (!parsed) throw new Error(`${file}: cannot read "${line}"`);
      expectations.attributions.push({ line: Number(parsed[1]), speaker: speakerOf(parsed[2]) });
    } else if (kind === 'quote') {
      expectations.quotes ??= [];
      if (rest === 'none') continue;
      const parsed = /^(\d+)-(\d+)\s+("(?:[^"\\]|\\.)*"|none)(\s+inferred)?$/.exec(rest);
      if (!parsed) throw new Error(`${file}: cannot read "${line}"`);
      expectations.quotes.push({ startLine: Number(parsed[1]), endLine: Number(parsed[2]), speaker: speakerOf(parsed[3]), inferred: Boolean(parsed[4]) });
    } else if (kind === 'finding') {
      expectations.findings ??= [];
      if (rest === 'none') continue;
      const parsed = /^(\d+)(?:-(\d+))?\s+([a-z-]+)$/.exec(rest);
      if (!parsed) throw new Error(`${file}: cannot read "${line}"`);
      expectations.findings.push({ startLine: Number(parsed[1]), endLine: parsed[2] ? Number(parsed[2]) : undefined, rule: parsed[3] });
    } else {
      throw new Error(`${file}: unknown expectation "${line}"`);
    }
  }
  return expectations;
}

/**
 * The fixtures of a folder (its .md files, not the .fixed.md results), sorted. A missing or empty folder
 * throws: a harness that made no test of it would pass while checking nothing.
 */
export function fixtureFiles(dir: string): string[] {
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.md') && !name.endsWith('.fixed.md')).sort() : [];
  if (files.length === 0) throw new Error(`${dir} holds no fixtures (.md files): a fixture folder that checks nothing is a mistake`);
  return files;
}
