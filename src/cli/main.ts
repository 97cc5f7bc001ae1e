import { ConfigError } from '../core';
import { runLint } from './lint';
import { runTree } from './tree';
import { asksForHelp, UsageError } from './args';
import { FileError } from './files';
import { riposteVersion } from './version';

const HELP = `riposte — lint Markdown replies in debates, and show who said what

Usage:
  riposte lint [--format text|json|sarif] [--fix] [--config FILE] [--stdin-filename NAME] [--allow-outside-sources] PATH... | -
  riposte tree [--format text|json] FILE | -
  riposte lsp --stdio [--allow-outside-sources]
  riposte --help | --version

lint    Reports duplicated paragraphs and blocks, unattributed and unmarked quotes, misquotes,
        repeated words, lost paragraph breaks and unanswered quotes. PATH may be a file, a folder
        (its .md and .markdown files, recursively) or a glob; "-" reads standard input.
        --fix applies every safe fix, re-linting until stable, and rewrites files atomically
        (with "-", the fixed text goes to standard output and the report to standard error).
        A draft's source: document is read only inside its project (the folder of the nearest
        .riposte.json, else the current one), only if it is a regular file under 5 MB;
        --allow-outside-sources lifts the first limit.
tree    Prints the reply tree: speakers, their quotes (nested as they nest) and the replies to each.
lsp     Runs the language server over standard input and output, for editors other than VS Code.

Configuration: the nearest .riposte.json above each file, or --config FILE.
Exit status: 0 no error or warning; 1 errors or warnings found; 2 usage, configuration or I/O error.`;

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) {
      // A usage error like any other: the help goes to stderr, so that nothing on stdout passes for output.
      process.stderr.write(`riposte: no command given\n\n${HELP}\n`);
      return 2;
    }
    if (command === '--help' || command === '-h' || command === 'help' || ((command === 'lint' || command === 'tree') && asksForHelp(rest))) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (command === '--version' || command === '-v') {
      process.stdout.write(`${riposteVersion()}\n`);
      return 0;
    }
    if (command === 'lint') return await runLint(rest);
    if (command === 'tree') return await runTree(rest);
    // Loaded only when asked for: lint and tree do not pay for the protocol library at start-up.
    if (command === 'lsp') return await (await import('./lsp')).runLsp(rest);
    if (command.startsWith('-')) throw new UsageError(`unknown option "${command}" (expected lint, tree, lsp, --help or --version)`);
    throw new UsageError(`unknown command "${command}" (expected lint, tree or lsp)`);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`riposte: ${error.message}\nRun "riposte --help" for usage.\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`riposte: invalid configuration in ${error.file}:\n${error.problems.map((p) => `  ${p.key ? `${p.key}: ` : ''}${p.message}`).join('\n')}\n`);
      return 2;
    }
    if (error instanceof FileError) {
      process.stderr.write(`riposte: ${error.message}\n`);
      return 2;
    }
    const io = error as NodeJS.ErrnoException;
    if (io && typeof io.code === 'string') {
      process.stderr.write(`riposte: ${io.message}\n`);
      return 2;
    }
    process.stderr.write(`riposte: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`riposte: ${String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
