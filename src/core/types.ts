/** Positions follow VS Code: 0-based lines, characters counted in UTF-16 code units. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes are applied by `riposte lint --fix` and fix-all; the rest are offered only as quick fixes. */
  safe?: boolean;
}

export interface RelatedInformation {
  range: Range;
  message: string;
  /**
   * When the related place is in another file (the `source:` of a misquote check), its path as the
   * draft names it and the range in that file. `range` above then stays inside the draft so that
   * readers of the JSON contract, which has no file field, never get a range from another file.
   */
  elsewhere?: { file: string; range: Range };
}

export interface Diagnostic {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  related: RelatedInformation[];
  fixes: Fix[];
}

export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** What a rule finds: the engine adds the rule's id and severity, and drops what the draft suppresses. */
export interface Finding {
  range: Range;
  message: string;
  related?: RelatedInformation[];
  fixes?: Fix[];
  /** A rule may lower its own severity for weaker evidence; configuration still wins when it says "off". */
  severity?: Severity;
}

/** A rule's option values, by option name. */
export type RuleOptionValues = Record<string, number | boolean | string>;
