import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { Diagnostic, DiagnosticJson, diagnosticToJson, FileResultJson, RULES } from '../core';

export interface FileReport {
  file: string;
  diagnostics: Diagnostic[];
}

export function formatJson(reports: readonly FileReport[]): string {
  const results: FileResultJson[] = reports.map((report) => ({ file: report.file, diagnostics: report.diagnostics.map(diagnosticToJson) }));
  return `${JSON.stringify(results, null, 2)}\n`;
}

const LABEL: Record<Diagnostic['severity'], string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

export function formatText(reports: readonly FileReport[]): string {
  const out: string[] = [];
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const report of reports) {
    for (const diagnostic of report.diagnostics) {
      counts[diagnostic.severity]++;
      const { line, character } = diagnostic.range.start;
      out.push(`${report.file}:${line + 1}:${character + 1}: ${LABEL[diagnostic.severity]} ${diagnostic.message} [${diagnostic.rule}]`);
    }
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const files = `${reports.length} file${reports.length === 1 ? '' : 's'}`;
  out.push(
    total === 0
      ? `No problems in ${files}.`
      : `${total} problem${total === 1 ? '' : 's'} in ${files} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.information + counts.hint} info).`,
  );
  return `${out.join('\n')}\n`;
}

const SARIF_LEVEL: Record<Diagnostic['severity'], Sarif.Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/**
 * A report's file as SARIF's artifactLocation.uri, which must be a URI reference: a path relative to the
 * working folder with each segment percent-encoded (a space, '#', '?', non-ASCII letters), an absolute
 * path as a file: URL.
 */
export function sarifUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

/** SARIF 2.1.0, as GitHub code scanning and other CI dashboards read it. */
export function formatSarif(reports: readonly FileReport[], toolVersion: string): string {
  const sarifRange = (range: DiagnosticJson['range']): Sarif.Region => ({
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  });
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'riposte',
            version: toolVersion,
            rules: RULES.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              defaultConfiguration: { level: rule.defaultSeverity === 'off' ? 'none' : SARIF_LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: reports.flatMap((report) =>
          report.diagnostics.map((diagnostic) => ({
            ruleId: diagnostic.rule,
            level: SARIF_LEVEL[diagnostic.severity],
            message: { text: diagnostic.message },
            locations: [{ physicalLocation: { artifactLocation: { uri: sarifUri(report.file) }, region: sarifRange(diagnostic.range) } }],
            relatedLocations: diagnostic.related.map((related, id) => ({
              id,
              message: { text: related.message },
              physicalLocation: { artifactLocation: { uri: sarifUri(report.file) }, region: sarifRange(related.range) },
            })),
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
