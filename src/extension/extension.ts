import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import * as core from '../core';
import { riposteMarkdownIt } from '../core/preview/markdownIt';
import { RiposteCodeActions, fixAllEdit } from './codeActions';
import { insertAttribution, quoteSelectionAsReply, toggleQuote } from './commands/drafting';
import { copyForForum, pasteThread } from './commands/forum';
import { lintWorkspace } from './commands/lintWorkspace';
import { DiagnosticsController, LANGUAGE_ID } from './diagnostics';
import { DraftService } from './drafts';
import { QuoteFoldingProvider } from './folding';
import { Log } from './log';
import { ThreadSymbolProvider } from './outline';
import { ThreadSelectionRangeProvider } from './selection';
import { isDraft, PREVIEW_VIEW_TYPE, PreviewManager } from './preview';
import { DraftConfigurations, readSettings, SECTION, Settings } from './settings';

/** What the extension offers to other code (the integration tests use it to reach the shared model). */
export interface RiposteApi {
  drafts: DraftService;
  diagnostics: DiagnosticsController;
  log: Log;
  previews: PreviewManager;
  /** VS Code's Markdown preview calls this (contributes "markdown.markdownItPlugins"): speaker chips and colours. */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

export function activate(context: vscode.ExtensionContext): RiposteApi {
  const log = new Log();
  // Settings are read when first needed, not at activation, and re-read when they change.
  let settings: Settings | undefined;
  const currentSettings = () => (settings ??= readSettings(undefined, log));
  // Where `.riposte.json` is read asynchronously (vscode.dev, virtual workspaces), its arrival is linted again.
  const configurations = new DraftConfigurations(log, () => diagnostics.refreshAll());
  const drafts = new DraftService(configurations, currentSettings, log);
  const ruleDocs = (rule: string) => vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${rule}.md`);
  const diagnostics = new DiagnosticsController(drafts, currentSettings, ruleDocs, log);
  const selector: vscode.DocumentSelector = [{ language: LANGUAGE_ID }, { language: 'markdown' }];

  const previews = new PreviewManager(
    context,
    drafts,
    () => currentSettings().debounce,
    () => vscode.workspace.getConfiguration(SECTION).get<boolean>('preview.followActiveEditor', false),
  );
  const draftToPreview = (uri?: vscode.Uri): vscode.TextDocument | undefined => {
    const document = uri ? vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString()) : vscode.window.activeTextEditor?.document;
    if (document && isDraft(document)) return document;
    void vscode.window.showInformationMessage('Riposte: open a Markdown draft to see its reply tree.');
    return undefined;
  };

  const configWatcher = vscode.workspace.createFileSystemWatcher('**/.riposte.json');
  const configChanged = () => {
    configurations.reset();
    diagnostics.refreshAll();
  };

  context.subscriptions.push(
    log,
    drafts,
    diagnostics,
    configWatcher,
    configWatcher.onDidChange(configChanged),
    configWatcher.onDidCreate(configChanged),
    configWatcher.onDidDelete(configChanged),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SECTION)) return;
      settings = undefined;
      diagnostics.refreshAll();
    }),
    // Trusting the workspace lets sources be read: check every open draft again.
    vscode.workspace.onDidGrantWorkspaceTrust(() => diagnostics.refreshAll()),
    vscode.workspace.onDidOpenTextDocument(adoptDebateDrafts),
    vscode.languages.registerCodeActionsProvider(selector, new RiposteCodeActions(drafts), RiposteCodeActions.metadata),
    vscode.languages.registerFoldingRangeProvider({ language: LANGUAGE_ID }, new QuoteFoldingProvider(drafts)),
    vscode.languages.registerDocumentSymbolProvider(selector, new ThreadSymbolProvider(drafts), { label: 'Riposte thread' }),
    vscode.languages.registerSelectionRangeProvider({ language: LANGUAGE_ID }, new ThreadSelectionRangeProvider(drafts)),
    vscode.commands.registerCommand('riposte.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const edit = fixAllEdit(editor.document, drafts);
      if (edit) await vscode.workspace.applyEdit(edit);
      else void vscode.window.showInformationMessage('Riposte: nothing to fix automatically here.');
    }),
    vscode.commands.registerCommand('riposte.lintWorkspace', () => lintWorkspace(drafts, diagnostics, currentSettings())),
    vscode.commands.registerCommand('riposte.quoteSelectionAsReply', () => quoteSelectionAsReply(context.workspaceState)),
    vscode.commands.registerCommand('riposte.toggleQuote', toggleQuote),
    vscode.commands.registerCommand('riposte.insertAttribution', (args?: { name?: string }) => insertAttribution(drafts, args)),
    vscode.commands.registerCommand('riposte.copyForForum', (args?: { style?: string }) => copyForForum(drafts, context.workspaceState, args)),
    vscode.commands.registerCommand('riposte.pasteThread', pasteThread),
    previews,
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, previews),
    vscode.commands.registerCommand('riposte.openPreview', (uri?: vscode.Uri) => {
      const document = draftToPreview(uri);
      if (document) previews.open(document, false);
    }),
    vscode.commands.registerCommand('riposte.openPreviewToSide', (uri?: vscode.Uri) => {
      const document = draftToPreview(uri);
      if (document) previews.open(document, true);
    }),
    vscode.commands.registerCommand('riposte.exportReplyTree', async (uri?: vscode.Uri, target?: vscode.Uri) => {
      const document = draftToPreview(uri);
      const written = document ? await previews.exportHtml(document, target) : undefined;
      if (written) void vscode.window.showInformationMessage(`Riposte: reply tree written to ${vscode.workspace.asRelativePath(written)}.`);
      return written;
    }),
  );

  // Documents already open when the extension starts (activation happens because one of them matched).
  for (const document of vscode.workspace.textDocuments) adoptDebateDrafts(document);
  diagnostics.refreshAll();
  return { drafts, diagnostics, log, previews, extendMarkdownIt: (md) => md.use(riposteMarkdownIt) };
}

/** Markdown files whose front matter says `riposte: true` switch to the Debate Markdown mode. */
function adoptDebateDrafts(document: vscode.TextDocument): void {
  if (document.languageId !== 'markdown' || document.lineCount < 2 || document.lineAt(0).text.trimEnd() !== '---') return;
  // The front matter is read as the core reads it (closing line within the first 200, flat keys).
  const lines = Array.from({ length: Math.min(document.lineCount, 200) }, (_, line) => ({ text: document.lineAt(line).text, eol: '' }));
  if (/^(?:true|yes|on)$/i.test(core.parseFrontMatter(lines)?.values.get('riposte') ?? '')) void vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
}

export function deactivate(): void {}
