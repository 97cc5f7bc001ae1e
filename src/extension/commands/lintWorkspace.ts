import * as vscode from 'vscode';
import { DiagnosticsController } from '../diagnostics';
import { DraftService } from '../drafts';
import { Settings } from '../settings';

/** "Lint Workspace": lints every matching file, open or not, with progress and cancellation. */
export async function lintWorkspace(drafts: DraftService, diagnostics: DiagnosticsController, settings: Settings): Promise<{ files: number; problems: number } | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('Riposte: open a folder to lint its drafts.');
    return undefined;
  }
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Riposte: linting the workspace', cancellable: true },
    async (progress, token) => {
      const include = `{${settings.include.join(',')}}`;
      const exclude = settings.exclude.length ? `{${settings.exclude.join(',')}}` : undefined;
      const files = await vscode.workspace.findFiles(include, exclude, undefined, token);
      let problems = 0;
      let done = 0;
      const decoder = new TextDecoder();
      for (const uri of files) {
        if (token.isCancellationRequested) break;
        progress.report({ message: `${vscode.workspace.asRelativePath(uri)} (${done + 1}/${files.length})`, increment: 100 / files.length });
        await drafts.loadConfiguration(uri);
        const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
        const found = open ? drafts.analyse(open).diagnostics : drafts.analyseText(uri, decoder.decode(await vscode.workspace.fs.readFile(uri)));
        diagnostics.publish({ uri }, found);
        problems += found.length;
        done++;
      }
      const summary = `Riposte: ${problems} problem${problems === 1 ? '' : 's'} in ${done} file${done === 1 ? '' : 's'}${token.isCancellationRequested ? ' (cancelled)' : ''}.`;
      void vscode.window.showInformationMessage(summary);
      return { files: done, problems };
    },
  );
}
