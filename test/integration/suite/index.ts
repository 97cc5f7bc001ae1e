// Entry point of the integration suite, loaded inside VS Code's extension host (code-server via
// test/integration/runner/run-code-server.mjs, or desktop VS Code via run-electron.mjs).
// Runs every *.test.js compiled next to this file with mocha and, when RIPOSTE_TEST_RESULT_FILE is set,
// writes mocha's counts there: the runner trusts that file, not the exit code (a dead extension host
// still reports success to the workbench). The counts are kept per test file, so that the runner can
// compare them with the tests each source file declares (a file that stops loading, or a test that no
// longer registers, shows as a difference).
import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export const RESULT_FILE_ENV = 'RIPOSTE_TEST_RESULT_FILE';

export interface TestResult {
  passes: number;
  failures: number;
  pending: number;
  total: number;
  /** Tests that ran (passed or failed), by file relative to this folder, e.g. "smoke.test.js". */
  ranByFile: Record<string, number>;
  failed: string[];
  vscodeVersion: string;
  appName: string;
  node: string;
}

export function run(): Promise<void> {
  console.log(`VS Code ${vscode.version}`);
  // forbidOnly and forbidPending: a stray .only or .skip fails the run instead of shrinking it.
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec', forbidOnly: true, forbidPending: true });
  const files = (readdirSync(__dirname, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.test.js'))
    .sort();
  for (const file of files) mocha.addFile(join(__dirname, file));

  const writeResult = (result: TestResult): void => {
    const target = process.env[RESULT_FILE_ENV];
    if (target) writeFileSync(target, `${JSON.stringify(result, null, 2)}\n`);
  };
  const base = { vscodeVersion: vscode.version, appName: vscode.env.appName, node: process.version };

  return new Promise<void>((resolve, reject) => {
    try {
      const failed: string[] = [];
      const ranByFile: Record<string, number> = {};
      const runner = mocha.run((failures) => {
        const stats = runner.stats ?? { passes: 0, failures, pending: 0, tests: 0 };
        writeResult({ ...base, passes: stats.passes, failures: stats.failures, pending: stats.pending, total: stats.tests, ranByFile, failed });
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
        else if (stats.tests === 0) reject(new Error(`no integration tests found in ${__dirname}`));
        else resolve();
      });
      runner.on('fail', (test) => failed.push(test.fullTitle()));
      runner.on('test end', (test) => {
        const file = test.file ? relative(__dirname, test.file).split('\\').join('/') : '(unknown file)';
        ranByFile[file] = (ranByFile[file] ?? 0) + 1;
      });
    } catch (error) {
      // e.g. a test file that throws while loading
      writeResult({ ...base, passes: 0, failures: 1, pending: 0, total: 0, ranByFile: {}, failed: [String(error)] });
      reject(error);
    }
  });
}
