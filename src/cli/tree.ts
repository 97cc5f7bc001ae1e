import * as core from '../core';
import { chooseFormat, parseCommandLine, UsageError } from './args';
import { statSync } from 'node:fs';
import { displayPath, FileError, readInput } from './files';

export async function runTree(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandLine('tree', args, { format: { type: 'string' } });
  const format = chooseFormat(values.format, ['text', 'json'] as const, 'text');
  if (positionals.length !== 1) throw new UsageError('tree takes exactly one FILE (or "-" for standard input)');
  const file = positionals[0];
  if (file !== '-' && statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw new FileError(`cannot read "${displayPath(file)}": it is a folder (tree takes one file)`);
  const { text } = core.stripBom(readInput(file, 'read'));
  const draft = core.parseDraft(text);
  const tree = core.buildReplyTree(draft);
  if (format === 'json') process.stdout.write(`${JSON.stringify(core.treeToJson(displayPath(file), tree), null, 2)}\n`);
  else process.stdout.write(`${displayPath(file)}\n${core.formatTreeText(tree, draft.lines)}\n`);
  return 0;
}
