// Kept free of `vscode` so that its behaviour is tested without an editor (test/extension).

/**
 * What DraftService gives the core as `onRuleError`: a rule that throws is written to the output channel
 * with its stack, once per rule, file and message, since the same failure recurs on every keystroke's lint.
 */
export function ruleErrorReporter(log: { error(message: string): void }): (fileName: string) => (rule: string, error: unknown) => void {
  const reported = new Set<string>();
  return (fileName) => (rule, error) => {
    const message = error instanceof Error ? error.message : String(error);
    const key = `${rule}\0${fileName}\0${message}`;
    if (reported.has(key)) return;
    reported.add(key);
    const detail = error instanceof Error && error.stack ? error.stack : message;
    log.error(`Rule ${rule} failed on ${fileName}; the other rules' findings are shown. ${detail}`);
  };
}
