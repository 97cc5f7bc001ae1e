import { startServer } from '../lsp/server';
import { parseCommandLine, UsageError } from './args';
import { riposteVersion } from './version';

/** `riposte lsp --stdio`: serves until the client sends `exit` or closes standard input (the library exits then). */
export async function runLsp(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandLine('lsp', args, { stdio: { type: 'boolean' }, 'allow-outside-sources': { type: 'boolean' } });
  if (positionals.length > 0) throw new UsageError(`lsp takes no PATH (got "${positionals[0]}")`);
  // Editors start servers with --stdio; it is the only transport, but asked for explicitly so that a
  // future --socket does not change what a bare `riposte lsp` does.
  if (!values.stdio) throw new UsageError('lsp needs --stdio (the language server talks over standard input and output)');
  startServer(process.stdin, process.stdout, { allowOutsideSources: values['allow-outside-sources'], version: riposteVersion() });
  return new Promise<number>(() => undefined);
}
