import { Speaker } from './model';
import { TreeNodeJson, treeNodeToJson, ReplyTree } from './thread';
import { Diagnostic, Range } from './types';

// The JSON contract other tools read (`riposte lint --format json`, `riposte tree`, the API): exactly
// these fields, built field by field so nothing internal leaks into it.

export interface DiagnosticJson {
  rule: string;
  severity: Diagnostic['severity'];
  message: string;
  range: Range;
  related: Array<{ range: Range; message: string }>;
  fixes: Array<{ title: string; edits: Array<{ range: Range; newText: string }> }>;
}

export interface FileResultJson {
  file: string;
  diagnostics: DiagnosticJson[];
}

export interface TreeJson {
  file: string;
  speakers: Speaker[];
  root: TreeNodeJson;
}

function rangeJson(range: Range): Range {
  return { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
}

/**
 * Whether a fix is safe to apply unattended is not part of the JSON contract, but `applyFixes` needs it:
 * it travels as a non-enumerable property, invisible to JSON.stringify and to deep equality.
 */
export function diagnosticToJson(diagnostic: Diagnostic): DiagnosticJson {
  return {
    rule: diagnostic.rule,
    severity: diagnostic.severity,
    message: diagnostic.message,
    range: rangeJson(diagnostic.range),
    related: diagnostic.related.map((related) => ({ range: rangeJson(related.range), message: related.message })),
    fixes: diagnostic.fixes.map((fix) => {
      const json = { title: fix.title, edits: fix.edits.map((edit) => ({ range: rangeJson(edit.range), newText: edit.newText })) };
      if (fix.safe !== undefined) Object.defineProperty(json, 'safe', { value: fix.safe, enumerable: false });
      return json;
    }),
  };
}

export function treeToJson(file: string, tree: ReplyTree): TreeJson {
  return { file, speakers: tree.speakers.map((speaker) => ({ name: speaker.name, inferred: speaker.inferred })), root: treeNodeToJson(tree.root) };
}
