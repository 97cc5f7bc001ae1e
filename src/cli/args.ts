import { parseArgs, ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's arguments; a mistake becomes a UsageError naming the option and the command. */
export function parseCommandLine<T extends Options>(command: string, args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(usageMessage(command, error as Error & { code?: string }));
  }
}

function usageMessage(command: string, error: Error & { code?: string }): string {
  const unknown = /^Unknown option '([^']+)'/.exec(error.message);
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) return `unknown option "${unknown[1]}" for ${command}`;
  const missing = /^Option '(\S+) <value>' argument missing/.exec(error.message);
  if (missing) return `${missing[1]} needs a value`;
  const noValue = /^Option '(\S+)' does not take an argument/.exec(error.message);
  if (noValue) return `${noValue[1]} takes no value`;
  return error.message.replace(/\. To specify a positional argument.*$/s, '');
}

/** Whether --help or -h stands among the options (before any "--" that ends them). */
export function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

export function chooseFormat<F extends string>(value: string | undefined, allowed: readonly F[], fallback: F): F {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as F)) throw new UsageError(`--format must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as F;
}
