#!/usr/bin/env node
// `npm run test:electron`: the same integration suite in desktop VS Code (Electron) via @vscode/test-electron.
// It downloads VS Code from Microsoft into .vscode-test/ (cached by version), so it needs that network access;
// on machines without it use `npm run test:integration` (code-server). Assumes `npm run build` ran.
//
// Options / environment:
//   --version V          VS Code version to download (default $VSCODE_TEST_VERSION or "stable")
//   $VSCODE_EXECUTABLE_PATH  use this VS Code binary instead of downloading one
// On Linux without a display it re-runs itself under `xvfb-run -a` when that exists (apt-get install xvfb).
// Like test:integration it trusts the suite's result file, not only the exit code, and closes with
// "N passed, N failed".

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';
import { checkResult, closingLine, exitWith, RESULT_FILE_ENV, SUITE_INDEX, WORKSPACE } from './run-code-server.mjs';
import { REPO_ROOT } from './install.mjs';

function which(name) {
  return (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, name)).find((file) => existsSync(file));
}

async function main() {
  const { values } = parseArgs({
    options: { version: { type: 'string', default: process.env.VSCODE_TEST_VERSION ?? 'stable' } },
  });

  // Electron needs a display: use a virtual one when there is none.
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && !process.env.RIPOSTE_UNDER_XVFB) {
    const xvfbRun = which('xvfb-run');
    if (xvfbRun) {
      const r = spawnSync(xvfbRun, ['-a', process.execPath, ...process.argv.slice(1)], {
        stdio: 'inherit',
        env: { ...process.env, RIPOSTE_UNDER_XVFB: '1' },
      });
      return r.status ?? 1;
    }
    console.warn('[electron] no DISPLAY and no xvfb-run: VS Code will probably fail to start (apt-get install xvfb)');
  }

  for (const [file, hint] of [[SUITE_INDEX, 'the compiled suite'], [join(REPO_ROOT, 'dist', 'extension.js'), 'the extension bundle']]) {
    if (!existsSync(file)) throw new Error(`${hint} is missing (${file}): run \`npm run build\` first`);
  }

  const resultDir = mkdtempSync(join(tmpdir(), 'riposte-electron-'));
  process.on('exit', () => rmSync(resultDir, { recursive: true, force: true })); // also after Ctrl-C
  const resultFile = join(resultDir, 'result.json');
  let exitCode;
  try {
    exitCode = await runTests({
      ...(process.env.VSCODE_EXECUTABLE_PATH ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH } : { version: values.version }),
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: SUITE_INDEX,
      extensionTestsEnv: { [RESULT_FILE_ENV]: resultFile },
      // test-electron itself adds --no-sandbox, --disable-workspace-trust, --skip-welcome, --skip-release-notes
      // and its own --user-data-dir/--extensions-dir under .vscode-test/.
      launchArgs: [WORKSPACE, '--disable-extensions'], // other installed extensions; the one under development still loads
    });
  } catch (error) {
    // runTests rejects with TestRunFailedError on a non-zero exit, or with a download/launch error.
    exitCode = typeof error?.code === 'number' ? error.code : 1;
    console.error(`[electron] ${error?.message ?? error}`);
  }

  const verdict = checkResult(resultFile);
  rmSync(resultDir, { recursive: true, force: true });
  let ok = verdict.ok;
  if (exitCode !== 0 && ok) {
    ok = false;
    verdict.reason = `VS Code exited with code ${exitCode}`;
  }
  if (!ok) console.error(`[electron] FAILED: ${verdict.reason}`);
  console.log(closingLine(verdict));
  return ok ? 0 : 1;
}

exitWith('electron', main);
