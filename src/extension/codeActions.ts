import * as vscode from 'vscode';
import * as core from '../core';
import { DIAGNOSTIC_SOURCE, fromRange, toWorkspaceEdit } from './convert';
import { DraftService } from './drafts';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('riposte');

/** Quick fixes from each rule, suppression comments, and `source.fixAll.riposte` for code actions on save. */
export class RiposteCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly drafts: DraftService) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && FIX_ALL_KIND.intersects(context.only) && !vscode.CodeActionKind.QuickFix.intersects(context.only)) {
      const fixAll = fixAllAction(document, this.drafts);
      return fixAll ? [fixAll] : [];
    }
    const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return [];
    const analysis = this.drafts.analyse(document);
    const actions: vscode.CodeAction[] = [];
    for (const shown of ours) {
      const rule = typeof shown.code === 'object' ? String(shown.code.value) : String(shown.code);
      const range = fromRange(shown.range);
      // VS Code hands back copies of our diagnostics: find the finding by rule and range in this version.
      const finding = analysis.diagnostics.find((d) => d.rule === rule && sameRange(d.range, range));
      if (!finding) continue;
      finding.fixes.forEach((fix, index) => {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(document.uri, fix.edits);
        action.diagnostics = [shown];
        action.isPreferred = index === 0 && fix.safe !== false;
        actions.push(action);
      });
      const line = new vscode.CodeAction(`Disable ${rule} for this line`, vscode.CodeActionKind.QuickFix);
      line.edit = toWorkspaceEdit(document.uri, [core.disableForLineEdit(analysis.draft, rule, finding.range.start.line)]);
      line.diagnostics = [shown];
      const file = new vscode.CodeAction(`Disable ${rule} for this file`, vscode.CodeActionKind.QuickFix);
      file.edit = toWorkspaceEdit(document.uri, [core.disableForFileEdit(analysis.draft, rule)]);
      file.diagnostics = [shown];
      actions.push(line, file);
    }
    // Fixing everything relints the draft until it is stable: worked out only when the action is chosen
    // (resolveCodeAction), not each time the light bulb asks.
    if (analysis.diagnostics.filter((d) => d.fixes.some((fix) => fix.safe)).length > 1) actions.push(new FixAllQuickFix(document));
    return actions;
  }

  resolveCodeAction(action: vscode.CodeAction): vscode.CodeAction {
    if (action instanceof FixAllQuickFix) action.edit = fixAllEdit(action.document, this.drafts) ?? new vscode.WorkspaceEdit();
    return action;
  }
}

class FixAllQuickFix extends vscode.CodeAction {
  constructor(readonly document: vscode.TextDocument) {
    super('Fix all Riposte problems', vscode.CodeActionKind.QuickFix);
  }
}

function sameRange(a: core.Range, b: core.Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Every safe fix, applied until stable, as one minimal edit (so undo and the cursor behave). */
export function fixAllAction(document: vscode.TextDocument, drafts: DraftService): vscode.CodeAction | undefined {
  const edit = fixAllEdit(document, drafts);
  if (!edit) return undefined;
  const action = new vscode.CodeAction('Fix all Riposte problems', FIX_ALL_KIND);
  action.edit = edit;
  return action;
}

export function fixAllEdit(document: vscode.TextDocument, drafts: DraftService): vscode.WorkspaceEdit | undefined {
  const analysis = drafts.analyse(document);
  if (!analysis.diagnostics.some((diagnostic) => diagnostic.fixes.some((fix) => fix.safe))) return undefined;
  const text = document.getText();
  const change = core.minimalEdit(text, core.fixAll(text, drafts.lintOptions(document)).text);
  return change ? toWorkspaceEdit(document.uri, [change]) : undefined;
}
