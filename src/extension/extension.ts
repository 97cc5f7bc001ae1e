import * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // Filled in by the VS Code layer (issue 3).
}

export function deactivate(): void {}
