import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RiposteApi } from '../../../src/extension/extension';

export const EXTENSION_ID = 'riposte.riposte';

export async function riposte(): Promise<RiposteApi> {
  const extension = vscode.extensions.getExtension<RiposteApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

export function workspaceUri(...path: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...path);
}

export function riposteDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'riposte');
}

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
}

/**
 * Resolves with `current()` once it satisfies `accept`, checked now and whenever `changed` fires. The 15 s
 * bound is not a pause: the test fails with `failure(last value)` instead of hanging.
 */
export function waitUntil<T>(changed: vscode.Event<unknown>, current: () => T, accept: (value: T) => boolean, failure: (last: T) => string): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const value = current();
      if (!accept(value)) return;
      subscription.dispose();
      clearTimeout(timer);
      resolve(value);
    };
    const subscription = changed(check);
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(failure(current())));
    }, 15_000);
    check();
  });
}

/** Resolves once Riposte's diagnostics for `uri` satisfy `accept` (checked now and on every change). */
export function waitForDiagnostics(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean, what = 'diagnostics'): Promise<vscode.Diagnostic[]> {
  return waitUntil(
    vscode.languages.onDidChangeDiagnostics,
    () => riposteDiagnostics(uri),
    accept,
    (last) => `timed out waiting for ${what} on ${uri.fsPath}; last: ${JSON.stringify(last.map((d) => `${ruleOf(d)}@${d.range.start.line + 1}`))}`,
  );
}

/** Resolves when the document's text satisfies `accept`. */
export function waitForText(document: vscode.TextDocument, accept: (text: string) => boolean): Promise<string> {
  return waitUntil(vscode.workspace.onDidChangeTextDocument, () => document.getText(), accept, (last) => `timed out waiting for the text of ${document.uri.fsPath} to change; it is:\n${last}`);
}

/** A new draft in the workspace with the given text, opened in an editor. */
export async function openDraft(name: string, text: string): Promise<vscode.TextEditor> {
  const uri = workspaceUri(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
