// The one place where core positions, ranges and diagnostics become VS Code's, and back.
import * as vscode from 'vscode';
import * as core from '../core';

export function toRange(range: core.Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function fromRange(range: vscode.Range): core.Range {
  return core.range(range.start.line, range.start.character, range.end.line, range.end.character);
}

const SEVERITY: Record<core.Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'riposte';

/** A core finding as VS Code shows it: rule code linked to its docs, related places, severity. */
export function toDiagnostic(
  finding: core.Diagnostic,
  uri: vscode.Uri,
  ruleDocs: (rule: string) => vscode.Uri,
  resolveElsewhere: (file: string) => vscode.Uri | undefined,
): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, SEVERITY[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.rule, target: ruleDocs(finding.rule) };
  diagnostic.relatedInformation = relatedInformation(finding, uri, resolveElsewhere);
  return diagnostic;
}

/** The places a finding points at besides its own range: in the draft, or in the source it names. */
export function relatedInformation(finding: core.Diagnostic, uri: vscode.Uri, resolveElsewhere: (file: string) => vscode.Uri | undefined): vscode.DiagnosticRelatedInformation[] {
  return finding.related.map((related) => {
    const other = related.elsewhere ? resolveElsewhere(related.elsewhere.file) : undefined;
    const location = other && related.elsewhere ? new vscode.Location(other, toRange(related.elsewhere.range)) : new vscode.Location(uri, toRange(related.range));
    return new vscode.DiagnosticRelatedInformation(location, related.message);
  });
}

export function toWorkspaceEdit(uri: vscode.Uri, edits: readonly core.TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const change of edits) edit.replace(uri, toRange(change.range), change.newText);
  return edit;
}
