// The one place where core findings become LSP diagnostics (the extension's src/extension/convert.ts,
// in the protocol's plain objects).
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import * as core from '../core';

export const DIAGNOSTIC_SOURCE = 'riposte';

const SEVERITY: Record<core.Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Rules whose finding marks text the draft would be better without: editors fade it. */
const UNNECESSARY = new Set(['duplicate-block', 'duplicate-paragraph', 'repeated-words']);

/** Where the rule pages are (shared with the markdownlint rules' links). */
export { findRuleDocs } from '../node/ruleDocLinks';

export function toDiagnostic(finding: core.Diagnostic, uri: string, ruleDocs: ((rule: string) => string | undefined) | undefined, resolveElsewhere: (file: string) => string | undefined): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.rule,
    message: finding.message,
  };
  const href = ruleDocs?.(finding.rule);
  if (href) diagnostic.codeDescription = { href };
  if (UNNECESSARY.has(finding.rule)) diagnostic.tags = [DiagnosticTag.Unnecessary];
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((related): DiagnosticRelatedInformation => {
      const other = related.elsewhere ? resolveElsewhere(related.elsewhere.file) : undefined;
      return other && related.elsewhere
        ? { location: { uri: other, range: related.elsewhere.range }, message: related.message }
        : { location: { uri, range: related.range }, message: related.message };
    });
  }
  return diagnostic;
}

export function sameRange(a: core.Range, b: core.Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
