// `riposte lsp --stdio`: the core behind the Language Server Protocol, for every editor that is not
// VS Code (the extension keeps its in-process path). Each open document has one OpenDocument (a
// DraftSession fed the editor's incremental edits); diagnostics, code actions, the outline, folding and
// hovers all read the one analysis of the current version.
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeAction,
  CodeActionKind,
  CodeActionParams,
  Connection,
  createConnection,
  Diagnostic,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  InitializeParams,
  InitializeResult,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import * as core from '../core';
import { ConfigResolver, findConfigFile, sourceReaderFor } from '../node/config';
import { DIAGNOSTIC_SOURCE, findRuleDocs, sameRange, toDiagnostic } from './convert';
import { Analysis, OpenDocument } from './document';
import { documentSymbols, foldingRanges, quoteHover } from './outline';
import { defaultSettings, globMatcher, readSettings, SECTION, ServerSettings } from './settings';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.riposte`;

export interface ServerOptions {
  /** `--allow-outside-sources`: the user, on the command line their editor runs, lets `source:` leave the project. */
  allowOutsideSources?: boolean;
  /** Told to the client in `serverInfo`. */
  version?: string;
}

interface ClientSupport {
  configuration: boolean;
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  resolveEdit: boolean;
  documentChanges: boolean;
  watchFiles: boolean;
}

function fsPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function startServer(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, options: ServerOptions = {}): Connection {
  const connection = createConnection(input, output);
  const documents = new Map<string, OpenDocument>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Settings as the client last gave them for each document; cleared when the client says they changed. */
  const settingsCache = new Map<string, Promise<ServerSettings>>();
  const resolvedSettings = new Map<string, ServerSettings>();
  /** Which configuration generation each document's lint options were made in. */
  const optionsGeneration = new Map<string, number>();
  let generation = 0;
  let resolver = new ConfigResolver();
  let workspaceFolders: string[] = [];
  let initializationSettings: unknown = undefined;
  let allowOutside = options.allowOutsideSources === true;
  let support: ClientSupport = { configuration: false, pullDiagnostics: false, diagnosticRefresh: false, resolveEdit: false, documentChanges: false, watchFiles: false };
  const ruleDocs = findRuleDocs();
  const reported = new Set<string>();

  /** A configuration problem is shown once (not at every keystroke) and logged. */
  const reportProblem = (message: string) => {
    if (reported.has(message)) return;
    reported.add(message);
    connection.console.warn(message);
    // A notification, not window/showMessageRequest: nothing waits for the user to dismiss it.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    support = {
      configuration: capabilities.workspace?.configuration === true,
      pullDiagnostics: capabilities.textDocument?.diagnostic !== undefined,
      diagnosticRefresh: capabilities.workspace?.diagnostics?.refreshSupport === true,
      resolveEdit: capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true,
      documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges === true,
      watchFiles: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    };
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceFolders = folders.map(fsPathOf).filter((path): path is string => path !== undefined);
    const init = params.initializationOptions as Record<string, unknown> | undefined;
    initializationSettings = init && typeof init === 'object' && SECTION in init ? init[SECTION] : init;
    // Only the user's own editor configuration (initializationOptions) may widen where sources are read,
    // never settings a project can supply through workspace/configuration.
    const raw = initializationSettings as Record<string, unknown> | undefined;
    const sources = raw?.sources as Record<string, unknown> | undefined;
    if (raw?.['sources.allowOutsideWorkspace'] === true || sources?.allowOutsideWorkspace === true) allowOutside = true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        hoverProvider: true,
        // A client that pulls gets no pushes as well: it would show every finding twice.
        ...(support.pullDiagnostics ? { diagnosticProvider: { identifier: DIAGNOSTIC_SOURCE, interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'riposte', version: options.version },
    };
  });

  connection.onInitialized(() => {
    if (support.watchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.riposte.json' }] });
  });

  const settingsFor = (uri: string): Promise<ServerSettings> => {
    let cached = settingsCache.get(uri);
    if (!cached) {
      const fetch = support.configuration ? connection.workspace.getConfiguration({ scopeUri: uri, section: SECTION }).then((value: unknown) => value ?? initializationSettings, () => initializationSettings) : Promise.resolve(initializationSettings);
      cached = fetch.then((raw) => {
        const { settings, problems } = readSettings(raw);
        for (const problem of problems) reportProblem(`Riposte settings: ${problem}.`);
        resolvedSettings.set(uri, settings);
        return settings;
      });
      settingsCache.set(uri, cached);
    }
    return cached;
  };

  const applies = (document: OpenDocument, settings: ServerSettings): boolean => {
    if (!settings.enable) return false;
    const path = fsPathOf(document.uri) ?? document.uri;
    if (settings.exclude.some((pattern) => globMatcher(pattern)(path))) return false;
    if (document.languageId === 'debate-markdown' || document.mail || /\.(?:reply|debate)\.md$/i.test(path)) return true;
    return settings.markdownEnable && (document.languageId === 'markdown' || /\.(?:md|markdown)$/i.test(path));
  };

  /** How a document is linted: the settings, then the nearest `.riposte.json` (which wins), and where `source:` may be read. */
  const lintOptions = (document: OpenDocument, settings: ServerSettings): core.LintOptions => {
    const path = fsPathOf(document.uri);
    let config = settings.config;
    if (path) {
      try {
        config = core.mergeConfigs(settings.config, resolver.configFor(path).config);
      } catch (error) {
        if (!(error instanceof core.ConfigError)) throw error;
        reportProblem(`Riposte: ${error.file} is invalid and was ignored — ${error.problems.map((p) => (p.key ? `${p.key}: ${p.message}` : p.message)).join('; ')}.`);
      }
    }
    const folder = path ? workspaceFolders.filter((root) => path.startsWith(root.endsWith('/') ? root : `${root}/`)).sort((a, b) => b.length - a.length)[0] : undefined;
    const configFile = path ? findConfigFile(dirname(path)) : undefined;
    const root = folder ?? (configFile ? dirname(configFile) : path ? dirname(path) : undefined);
    return {
      fileName: path ?? decodeURIComponent(document.uri.replace(/^[a-z-]+:/i, '')),
      languageId: document.languageId,
      config,
      readSource: path && root ? sourceReaderFor(path, { root, allowOutside }) : () => undefined,
      onRuleError: (rule, error) => connection.console.error(`Riposte: rule ${rule} failed on ${document.uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    };
  };

  /** The document's analysis at its current version, with options from its current settings. */
  const analysisOf = async (document: OpenDocument): Promise<{ analysis: Analysis; settings: ServerSettings } | null> => {
    const settings = await settingsFor(document.uri);
    if (documents.get(document.uri) !== document || !applies(document, settings)) return null;
    if (!document.hasOptions || optionsGeneration.get(document.uri) !== generation) {
      document.setOptions(lintOptions(document, settings));
      optionsGeneration.set(document.uri, generation);
    }
    return { analysis: document.analyse(), settings };
  };

  const toDiagnostics = (document: OpenDocument, analysis: Analysis): Diagnostic[] => {
    const base = dirname(fsPathOf(document.uri) ?? '/');
    return analysis.diagnostics.map((finding) => toDiagnostic(finding, document.uri, ruleDocs, (file) => (fsPathOf(document.uri) ? pathToFileURL(file.startsWith('/') ? file : `${base}/${file}`).href : undefined)));
  };

  const publish = async (uri: string, version: number): Promise<void> => {
    const document = documents.get(uri);
    if (!document || document.version !== version) return; // a newer run is on its way, or it closed
    const result = await analysisOf(document);
    // The document changed while its settings were fetched: the run scheduled by that change publishes.
    if (documents.get(uri) !== document || document.version !== version) return;
    if (support.pullDiagnostics) return;
    void connection.sendDiagnostics({ uri, version, diagnostics: result ? toDiagnostics(document, result.analysis) : [] });
  };

  const schedule = (uri: string, delay: number) => {
    const document = documents.get(uri);
    if (!document) return;
    const previous = timers.get(uri);
    if (previous) clearTimeout(previous);
    const version = document.version;
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        publish(uri, version).catch((error: unknown) => connection.console.error(`Riposte: linting ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
      }, delay),
    );
  };

  const cancel = (uri: string) => {
    const timer = timers.get(uri);
    if (timer) clearTimeout(timer);
    timers.delete(uri);
  };

  /** Settings or a `.riposte.json` changed: every open document gets new options and is linted again. */
  const refreshAll = () => {
    generation++;
    settingsCache.clear();
    resolver = new ConfigResolver();
    reported.clear();
    for (const uri of documents.keys()) schedule(uri, 0);
    if (support.pullDiagnostics && support.diagnosticRefresh) void connection.languages.diagnostics.refresh();
  };

  connection.onDidOpenTextDocument(({ textDocument }) => {
    documents.set(textDocument.uri, new OpenDocument(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.text));
    optionsGeneration.delete(textDocument.uri);
    schedule(textDocument.uri, 0);
  });

  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    const document = documents.get(textDocument.uri);
    if (!document) {
      connection.console.warn(`Riposte: a change to ${textDocument.uri}, which is not open, was ignored.`);
      return;
    }
    if (!document.applyChanges(textDocument.version ?? document.version + 1, contentChanges)) {
      connection.console.warn(`Riposte: version ${textDocument.version} of ${textDocument.uri} came after version ${document.version} and was ignored.`);
      return;
    }
    const settings = resolvedSettings.get(textDocument.uri) ?? defaultSettings();
    if (settings.run === 'onType') schedule(textDocument.uri, settings.debounce);
  });

  connection.onDidSaveTextDocument(({ textDocument }) => schedule(textDocument.uri, 0));

  connection.onDidCloseTextDocument(({ textDocument }) => {
    cancel(textDocument.uri);
    const known = documents.delete(textDocument.uri);
    settingsCache.delete(textDocument.uri);
    resolvedSettings.delete(textDocument.uri);
    optionsGeneration.delete(textDocument.uri);
    if (known && !support.pullDiagnostics) void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration(() => refreshAll());
  connection.onDidChangeWatchedFiles(() => refreshAll());

  connection.languages.diagnostics.on(async ({ textDocument }) => {
    const document = documents.get(textDocument.uri);
    const result = document ? await analysisOf(document) : null;
    return { kind: DocumentDiagnosticReportKind.Full, items: document && result ? toDiagnostics(document, result.analysis) : [] };
  });

  const workspaceEdit = (document: OpenDocument, edits: TextEdit[]): WorkspaceEdit =>
    support.documentChanges ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] } : { changes: { [document.uri]: edits } };

  /** Every safe fix, applied until stable, as one minimal edit of the body. */
  const fixAllEdit = async (document: OpenDocument): Promise<WorkspaceEdit | null> => {
    const result = await analysisOf(document);
    if (!result || !result.analysis.diagnostics.some((d) => d.fixes.some((fix) => fix.safe))) return null;
    const text = document.coreText();
    const options = lintOptions(document, result.settings);
    const change = core.minimalEdit(text, core.fixAll(text, options).text);
    if (!change || change.range.start.line < document.bodyStartLine) return null;
    return workspaceEdit(document, [change]);
  };

  /** The suppression comment for the whole file; in a mail draft, at the top of the body, never in the header. */
  const disableFileEdit = (document: OpenDocument, analysis: Analysis, rule: string): TextEdit | null => {
    const edit = core.disableForFileEdit(analysis.draft, rule);
    const body = document.bodyStartLine;
    if (edit.range.start.line >= body) return edit;
    if (body >= document.lineCount) return null;
    return { range: { start: { line: body, character: 0 }, end: { line: body, character: 0 } }, newText: edit.newText };
  };

  connection.onCodeAction(async (params: CodeActionParams): Promise<CodeAction[]> => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
    const actions: CodeAction[] = [];
    if (only && wants(FIX_ALL_KIND) && !wants(CodeActionKind.QuickFix)) {
      const edit = await fixAllEdit(document);
      return edit ? [{ title: 'Fix all Riposte problems', kind: FIX_ALL_KIND, edit }] : [];
    }
    if (!wants(CodeActionKind.QuickFix)) return [];
    const result = await analysisOf(document);
    if (!result) return [];
    const { analysis } = result;
    // The client hands back our diagnostics; a client that sends none gets the findings under the range.
    const shown = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    const targets: { finding: core.Diagnostic; diagnostic?: Diagnostic }[] = shown.length
      ? shown.flatMap((diagnostic) => {
          // Some clients (Neovim 0.7) send back a range rebuilt from byte columns: the same lines then name it.
          const rule = String(diagnostic.code);
          const finding =
            analysis.diagnostics.find((d) => d.rule === rule && sameRange(d.range, diagnostic.range)) ??
            analysis.diagnostics.find((d) => d.rule === rule && d.range.start.line === diagnostic.range.start.line && d.range.end.line === diagnostic.range.end.line);
          return finding ? [{ finding, diagnostic }] : [];
        })
      : analysis.diagnostics.filter((d) => d.range.start.line <= params.range.end.line && d.range.end.line >= params.range.start.line).map((finding) => ({ finding }));
    for (const { finding, diagnostic } of targets) {
      const diagnostics = diagnostic ? [diagnostic] : undefined;
      finding.fixes.forEach((fix, index) => {
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics, isPreferred: index === 0 && fix.safe !== false, edit: workspaceEdit(document, fix.edits) });
      });
      actions.push({ title: `Disable ${finding.rule} for this line`, kind: CodeActionKind.QuickFix, diagnostics, edit: workspaceEdit(document, [core.disableForLineEdit(analysis.draft, finding.rule, finding.range.start.line)]) });
      const file = disableFileEdit(document, analysis, finding.rule);
      if (file) actions.push({ title: `Disable ${finding.rule} for this file`, kind: CodeActionKind.QuickFix, diagnostics, edit: workspaceEdit(document, [file]) });
    }
    if (analysis.diagnostics.filter((d) => d.fixes.some((fix) => fix.safe)).length > 1) {
      // Fixing everything relints until stable: left to codeAction/resolve where the client can resolve.
      if (support.resolveEdit) actions.push({ title: 'Fix all Riposte problems', kind: CodeActionKind.QuickFix, data: { uri: document.uri, version: document.version } });
      else {
        const edit = await fixAllEdit(document);
        if (edit) actions.push({ title: 'Fix all Riposte problems', kind: CodeActionKind.QuickFix, edit });
      }
    }
    return actions;
  });

  connection.onCodeActionResolve(async (action) => {
    const data = action.data as { uri?: string; version?: number } | undefined;
    const document = data?.uri ? documents.get(data.uri) : undefined;
    if (document && document.version === data?.version) action.edit = (await fixAllEdit(document)) ?? undefined;
    return action;
  });

  connection.onDocumentSymbol(async ({ textDocument }) => {
    const document = documents.get(textDocument.uri);
    const result = document ? await analysisOf(document) : null;
    return document && result ? documentSymbols(result.analysis.draft, document.bodyStartLine) : [];
  });

  connection.onFoldingRanges(async ({ textDocument }) => {
    const document = documents.get(textDocument.uri);
    const result = document ? await analysisOf(document) : null;
    return result ? foldingRanges(result.analysis.draft) : [];
  });

  connection.onHover(async ({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    const result = document ? await analysisOf(document) : null;
    return result ? quoteHover(result.analysis.draft, position.line) : null;
  });

  connection.onShutdown(() => {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  });

  connection.listen();
  return connection;
}

