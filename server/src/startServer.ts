import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MarkupKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type CompletionList,
  type Connection,
  type InitializeResult,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from './model/cache';
import type { EcsDocument } from './model/document';
import { runRules } from './rules/engine';
import { expectsStrictJson } from './rules/syntax';
import { RULES } from './rules/registry';
import { toDiagnostics } from './features/diagnostics';
import { hoverAt } from './features/hover';
import { completionsAt } from './features/completion/index';
import { registerCustomRequests } from './features/customRequests';
import { registerDiagnosticsRequests } from './features/diagnosticsRequests';
import { FIX_ALL_KIND, fixAllAction, quickFixes, type TextSource } from './features/codeActions';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './settings';
import type { EngineOptions } from './rules/engine';
import { createReferences } from './semantics/references';
import { referencesFor } from './semantics/account';
import { WorkspaceIndex } from './workspace/index';
import { loadGivenTerraform } from './model/terraform/parser';
import { WorkspaceFolders } from './workspace/workspaceFolders';
import type { Disk } from './workspace/disk';
import { DOCUMENT_GLOB } from './workspace/documentFiles';
import { SETTINGS_SECTION } from '../../shared/src/protocol';

/**
 * Wires the language server to a connection: the only module that talks LSP. Handlers stay thin:
 * get the cached model, call one feature, and never let an exception escape. `disk` is what the
 * server may read besides open documents (workspace/disk.ts): Node's `fs`, or the client's workspace API.
 */
export function startServer(connection: Connection, disk: Disk): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new DocumentCache();
  const docsUrl = (ruleId: string) => disk.docsUrl(ruleId);
  const settingsByUri = new Map<string, Promise<Settings>>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let canAskConfiguration = false;
  let canReportProgress = false;
  let canWatchFiles = false;
  let canChangeFolders = false;
  let initialSettings: Settings = DEFAULT_SETTINGS;
  const folders = new WorkspaceFolders(disk);
  const index = new WorkspaceIndex();
  const refs = createReferences(index);

  const log = (message: string) => connection.console.error(message);
  // The VS Code client says its JSON support already reports comments and trailing commas in `json` documents.
  let strictJsonReportedByEditor = false;

  connection.onInitialize(async (params): Promise<InitializeResult> => {
    canAskConfiguration = params.capabilities.workspace?.configuration === true;
    canReportProgress = params.capabilities.window?.workDoneProgress === true;
    canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canChangeFolders = params.capabilities.workspace?.workspaceFolders === true;
    folders.add(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    const options = params.initializationOptions as
      { settings?: unknown; strictJsonReportedByEditor?: unknown; extensionUri?: unknown; terraformWasm?: unknown } | undefined;
    if (options?.settings !== undefined) initialSettings = parseSettings(options.settings);
    strictJsonReportedByEditor = options?.strictJsonReportedByEditor === true;
    if (typeof options?.extensionUri === 'string') disk.useExtensionUri?.(options.extensionUri);
    // The browser server gets the Terraform reader's wasm from its client (the Node one loads it from disk first).
    await loadGivenTerraform(options?.terraformWasm, log);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        // `"` and `:` open value lists; `.` continues an instance type such as `c5.`.
        completionProvider: { triggerCharacters: ['"', ':', '.'], resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'ecs-task-networking' },
    };
  });

  const settingsFor = (uri: string): Promise<Settings> => {
    if (!canAskConfiguration) return Promise.resolve(initialSettings);
    let pending = settingsByUri.get(uri);
    if (!pending) {
      pending = connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(parseSettings, (error: unknown) => {
        log(`could not read settings for ${uri}: ${String(error)}`);
        return initialSettings;
      });
      settingsByUri.set(uri, pending);
    }
    return pending;
  };

  const modelOf = (textDocument: TextDocument): EcsDocument => cache.get(textDocument.uri, textDocument.version, () => textDocument.getText());

  const isCurrent = (uri: string, version: number) => documents.get(uri)?.version === version;

  /** Runs a request handler so that an exception is logged and answered with `fallback`, never fatal. */
  function runSafe<T>(name: string, fallback: T, token: CancellationToken, fn: () => T): T {
    if (token.isCancellationRequested) return fallback;
    try {
      return fn();
    } catch (error) {
      log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  }

  /** Open editors first, then the workspace index (files on disk), for fixes and related places in other files. */
  const textOf: TextSource = (uri) => {
    const open = documents.get(uri);
    if (open) return { text: open.getText(), positionAt: (o) => open.positionAt(o) };
    const indexed = index.documentFor(uri);
    return indexed ? { text: indexed.text, positionAt: (o) => indexed.positionAt(o) } : undefined;
  };
  const documentFor = (uri: string): EcsDocument | undefined => {
    const open = documents.get(uri);
    return open ? modelOf(open) : index.documentFor(uri);
  };

  /** What the rules, hovers and completions need besides the document: references across files and the environment. */
  const contextFor = async (uri: string, settings: Settings): Promise<EngineOptions> => {
    const path = disk.pathOf(uri);
    if (!path) return { refs };
    const root = folders.folderOf(path);
    const loaded = await disk.environmentFor(path, settings.environmentFile, root, (envPath) => documents.get(disk.uriOf(envPath))?.getText());
    if (loaded?.error) log(loaded.error);
    return { refs: referencesFor(index, loaded?.env, refs), env: loaded?.env };
  };

  async function validate(uri: string): Promise<void> {
    const textDocument = documents.get(uri);
    if (!textDocument) return;
    const version = textDocument.version;
    const settings = await settingsFor(uri);
    const context = await contextFor(uri, settings);
    // A newer edit arrived while we waited: its own run will publish.
    if (!isCurrent(uri, version)) return;
    const doc = modelOf(textDocument);
    index.set(doc);
    const strictJson = expectsStrictJson(uri, textDocument.languageId, strictJsonReportedByEditor);
    const findings = runRules(doc, RULES, {
      ...context,
      severities: settings.rules,
      strictJson,
      log,
      isCancelled: () => !isCurrent(uri, version),
    });
    if (!isCurrent(uri, version)) return;
    // Terraform's own extension reports a `.tf` syntax error; a second squiggle there helps nobody.
    const shown = doc.syntax === 'terraform' ? findings.filter((f) => f.ruleId !== 'syntax-error') : findings;
    const diagnostics = toDiagnostics(doc, shown, { docsUrl, documentFor });
    await connection.sendDiagnostics({ uri, version, diagnostics });
  }

  const schedule = (uri: string, delayMs: number) => {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        validate(uri).catch((error: unknown) => log(`validation of ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`));
      }, delayMs),
    );
  };

  /** Other open documents may point at this one (a service at its task definition, anything at the environment). */
  const revalidateOthers = (changed: string, delayMs: number) => {
    for (const doc of documents.all()) if (doc.uri !== changed) schedule(doc.uri, delayMs);
  };

  documents.onDidOpen((e) => schedule(e.document.uri, 0));
  documents.onDidChangeContent((e) => {
    settingsFor(e.document.uri).then(
      (s) => {
        schedule(e.document.uri, s.validationDelayMs);
        revalidateOthers(e.document.uri, s.validationDelayMs * 2);
      },
      () => schedule(e.document.uri, DEFAULT_SETTINGS.validationDelayMs),
    );
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    cache.delete(uri);
    settingsByUri.delete(uri);
    // Inside the workspace the file on disk counts again (unsaved edits were discarded); a file
    // from elsewhere was only context while it was open.
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    const path = disk.pathOf(uri);
    if (path && folders.folderOf(path)) {
      void reindexFromDisk(uri).then(() => revalidateOthers(uri, 0));
    } else {
      index.remove(uri);
      revalidateOthers(uri, 0);
    }
  });

  async function reindexFromDisk(uri: string): Promise<void> {
    const path = disk.pathOf(uri);
    if (!path) return void index.remove(uri);
    try {
      const text = await disk.readText(path);
      // Opened while it was read: the editor's text is indexed now, and wins.
      if (!documents.get(uri)) index.update(uri, text);
    } catch {
      if (!documents.get(uri)) index.remove(uri);
    }
  }

  /**
   * Indexes every JSON and YAML file of these workspace folders in slices of about 4 ms, yielding to the event loop
   * between them, so edits, hovers and completions are answered while it runs. A request needs a
   * few event-loop turns (read, dispatch, reply), so its wait is a small multiple of the slice.
   */
  async function indexWorkspace(roots: readonly string[]): Promise<void> {
    if (roots.length === 0) return;
    const progress = canReportProgress ? await connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('Indexing ECS documents', undefined, 'reading files', false);
    const started = Date.now();
    const SLICE_MS = 4;
    let seen = 0;
    // A web worker has no setImmediate.
    const yieldNow = () => new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
    for (const folder of roots) {
      for await (const batch of disk.walkDocumentFiles(folder, SLICE_MS)) {
        // The folder left the workspace while it was being read.
        if (!folders.has(folder)) break;
        let sliceStart = performance.now();
        for (const file of batch) {
          const uri = disk.uriOf(file);
          // Only while the file is still in the workspace: its folder may have been removed meanwhile.
          if (!documents.get(uri) && folders.folderOf(file)) await reindexFromDisk(uri);
          seen++;
          if (performance.now() - sliceStart >= SLICE_MS) {
            progress?.report(`${seen} files, ${index.size} ECS documents`);
            await yieldNow();
            sliceStart = performance.now();
          }
        }
        await yieldNow();
      }
    }
    progress?.done();
    connection.console.info(`indexed ${index.size} ECS documents among ${seen} files in ${Date.now() - started} ms`);
    revalidateOthers('', 0);
  }

  connection.onInitialized(() => {
    if (canWatchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: DOCUMENT_GLOB }] });
    }
    startIndexing(folders.all);
    if (canChangeFolders) connection.workspace.onDidChangeWorkspaceFolders(followFolders);
  });

  const startIndexing = (roots: readonly string[]) =>
    void indexWorkspace([...roots]).catch((error: unknown) => log(`indexing failed: ${error instanceof Error ? error.stack : String(error)}`));

  /** An added folder is indexed like the first ones; a removed folder's files leave the index (open editors stay). */
  function followFolders(event: WorkspaceFoldersChangeEvent): void {
    const removed = folders.remove(event.removed.map((f) => f.uri));
    const added = folders.add(event.added.map((f) => f.uri));
    if (removed.length) {
      for (const uri of index.uris()) {
        const path = disk.pathOf(uri);
        if (!path || documents.get(uri) || folders.folderOf(path)) continue;
        if (removed.some((folder) => disk.contains(folder, path))) index.remove(uri);
      }
      revalidateOthers('', 0);
    }
    startIndexing(added);
  }

  connection.onDidChangeWatchedFiles(async (params) => {
    const reads: Promise<void>[] = [];
    for (const change of params.changes) {
      const path = disk.pathOf(change.uri);
      if (path) disk.changed?.(path);
      if (documents.get(change.uri)) continue; // the editor's text wins while open
      if (change.type === FileChangeType.Deleted) index.remove(change.uri);
      else reads.push(reindexFromDisk(change.uri));
    }
    await Promise.all(reads);
    revalidateOthers('', 0);
  });

  connection.onDidChangeConfiguration((change) => {
    settingsByUri.clear();
    const pushed = (change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION];
    if (pushed !== undefined) initialSettings = parseSettings(pushed);
    for (const doc of documents.all()) schedule(doc.uri, 0);
  });

  connection.onHover(async (params, token) => {
    const textDocument = documents.get(params.textDocument.uri);
    if (!textDocument) return null;
    const settings = await settingsFor(textDocument.uri);
    const context = await contextFor(textDocument.uri, settings);
    return runSafe('hover', null, token, () => {
      const doc = modelOf(textDocument);
      const content = hoverAt(doc, doc.offsetAt(params.position), settings, context.refs, context.env);
      if (!content) return null;
      return {
        contents: { kind: MarkupKind.Markdown, value: content.markdown },
        range: { start: doc.positionAt(content.range.offset), end: doc.positionAt(content.range.offset + content.range.length) },
      };
    });
  });

  connection.onCompletion(async (params, token) => {
    const empty: CompletionList = { isIncomplete: false, items: [] };
    const textDocument = documents.get(params.textDocument.uri);
    if (!textDocument) return empty;
    const settings = await settingsFor(textDocument.uri);
    const context = await contextFor(textDocument.uri, settings);
    return runSafe('completion', empty, token, () => {
      const doc = modelOf(textDocument);
      return completionsAt(doc, doc.offsetAt(params.position), settings, context);
    });
  });

  connection.onCodeAction(async (params, token) => {
    const textDocument = documents.get(params.textDocument.uri);
    if (!textDocument) return [];
    const settings = await settingsFor(textDocument.uri);
    const context = await contextFor(textDocument.uri, settings);
    return runSafe('codeAction', [], token, () => {
      const doc = modelOf(textDocument);
      const only = params.context.only;
      const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
      const actions = wants(CodeActionKind.QuickFix) ? quickFixes(doc, params.context.diagnostics, textOf) : [];
      if (wants(FIX_ALL_KIND)) {
        const all = fixAllAction(doc, RULES, { ...context, severities: settings.rules, log });
        if (all) actions.push(all);
      }
      return actions;
    });
  });

  registerCustomRequests(connection, {
    documents,
    modelOf,
    settingsFor,
    log,
    refs,
    contextFor,
  });
  registerDiagnosticsRequests(connection);
  documents.listen(connection);
  connection.listen();
}
