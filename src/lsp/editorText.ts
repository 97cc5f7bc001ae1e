// The text an editor holds, as the language server keeps it: its lines, changed in place by each
// incremental didChange. vscode-languageserver-textdocument keeps one string and rebuilds it for every
// change (a megabyte copied per keystroke on a long draft, then every later line's offset moved); here a
// keystroke replaces the line or two it touched, and the whole text is joined only when asked for.
import type { Position, Range } from 'vscode-languageserver';
import * as core from '../core';

export class EditorText {
  private lines: core.LineText[];
  private joined: string | undefined;
  private characters: number;

  constructor(text: string) {
    this.lines = core.splitLineTexts(text);
    this.joined = text;
    this.characters = text.length;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /** Length of the text in UTF-16 code units. */
  get length(): number {
    return this.characters;
  }

  /** A line's text without its line break; undefined past the last line. */
  lineAt(line: number): string | undefined {
    return this.lines[line]?.text;
  }

  getText(): string {
    this.joined ??= core.joinLines(this.lines);
    return this.joined;
  }

  /** The text from the start of `line` to the end (`line` within the text). */
  textFrom(line: number): string {
    if (line <= 0) return this.getText();
    return core.joinLines(this.lines.slice(line));
  }

  /** Replaces the whole text (a change without a range). */
  setText(text: string): void {
    this.lines = core.splitLineTexts(text);
    this.joined = text;
    this.characters = text.length;
  }

  /**
   * Applies one incremental change, read as vscode-languageserver-textdocument reads it: positions past
   * the end of a line stop at its end, a line past the last is the end of the text, and a range given
   * end first is taken the right way round.
   */
  applyChange(range: Range, text: string): void {
    let start = this.clamp(range.start);
    let end = this.clamp(range.end);
    if (start.line > end.line || (start.line === end.line && start.character > end.character)) [start, end] = [end, start];
    const lines = this.lines;
    const first = lines[start.line];
    const last = lines[end.line];
    let from = start.line;
    let changed = first.text.slice(0, start.character) + text + last.text.slice(end.character) + last.eol;
    // A lone carriage return ending the line above and a line feed that now follows it are one line break.
    if (from > 0 && lines[from - 1].eol === '\r' && changed.charCodeAt(0) === 10) {
      from--;
      changed = `${lines[from].text}\r${changed}`;
    }
    const replacement = core.splitLineTexts(changed);
    if (last.eol !== '') replacement.pop(); // the empty piece after the last line break belongs to the next line
    let removed = 0;
    for (let line = from; line <= end.line; line++) removed += lines[line].text.length + lines[line].eol.length;
    core.replaceInPlace(lines, from, end.line - from + 1, replacement);
    this.characters += changed.length - removed;
    this.joined = undefined;
  }

  private clamp(position: Position): Position {
    const lines = this.lines;
    if (position.line >= lines.length) return { line: lines.length - 1, character: lines[lines.length - 1].text.length };
    if (position.line < 0) return { line: 0, character: 0 };
    return { line: position.line, character: Math.min(Math.max(position.character, 0), lines[position.line].text.length) };
  }
}
