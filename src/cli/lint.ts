import * as core from '../core';
import { ConfigResolver, loadConfigFile, sourceReaderFor } from '../node/config';
import { chooseFormat, parseCommandLine, UsageError } from './args';
import { displayPath, expandPaths, FileError, readInput } from './files';
import { FileReport, formatJson, formatSarif, formatText } from './format';
import { riposteVersion } from './version';
import { writeFileAtomically } from './write';

export async function runLint(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandLine('lint', args, {
    format: { type: 'string' },
    fix: { type: 'boolean' },
    config: { type: 'string' },
    'stdin-filename': { type: 'string' },
    'allow-outside-sources': { type: 'boolean' },
  });
  const format = chooseFormat(values.format, ['text', 'json', 'sarif'] as const, 'text');
  if (positionals.length === 0) throw new UsageError('lint needs at least one PATH (or "-" for standard input)');
  const files = await expandPaths(positionals);
  const explicit = values.config ? loadConfigFile(values.config).config : undefined;
  const resolver = new ConfigResolver();
  const stdinName = values['stdin-filename'];

  const reports: FileReport[] = [];
  let fixedStdin: string | undefined;
  let failures = 0;
  for (const file of files) {
    // A file that cannot be read or written is named on stderr and left as it was; the others go on.
    try {
      const nameForConfig = file === '-' ? stdinName : file;
      const config = explicit ?? (nameForConfig ? resolver.configFor(nameForConfig).config : core.emptyConfig());
      const raw = readInput(file);
      const { text, bom } = core.stripBom(raw);
      const options: core.LintOptions = { fileName: nameForConfig, config, readSource: sourceReaderFor(nameForConfig, { allowOutside: values['allow-outside-sources'] }) };
      let diagnostics: core.Diagnostic[];
      if (values.fix) {
        const result = core.fixAll(text, options);
        diagnostics = result.remaining;
        if (file === '-') fixedStdin = core.restoreBom(result.text, bom);
        else if (result.text !== text) writeFileAtomically(file, core.restoreBom(result.text, bom));
      } else {
        diagnostics = core.lint(text, options);
      }
      reports.push({ file: file === '-' ? stdinName ?? '<stdin>' : displayPath(file), diagnostics });
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      process.stderr.write(`riposte: ${error.message}\n`);
      failures++;
    }
  }

  const output = format === 'json' ? formatJson(reports) : format === 'sarif' ? formatSarif(reports, riposteVersion()) : formatText(reports);
  if (fixedStdin !== undefined) {
    process.stdout.write(fixedStdin);
    process.stderr.write(output);
  } else {
    process.stdout.write(output);
  }
  if (failures > 0) return 2;
  const failing = reports.some((report) => report.diagnostics.some((d) => d.severity === 'error' || d.severity === 'warning'));
  return failing ? 1 : 0;
}
