import {
  CodeActionKind,
  MarkupKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from './model/cache';
import type { EcsDocument } from './model/document';
import { runRules } from './rules/engine';
import { RULES } from './rules/registry';
import { createDocsUrl } from './features/docs';
import { toDiagnostics } from './features/diagnostics';
import { hoverAt } from './features/hover';
import { FIX_ALL_KIND, fixAllAction, quickFixes, type TextSource } from './features/codeActions';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './settings';

export const SETTINGS_SECTION = 'ecsTaskNetworking';

/**
 * Wires the language server to a connection: the only module that talks LSP. Handlers stay thin:
 * get the cached model, call one feature, and never let an exception escape.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new DocumentCache();
  const docsUrl = createDocsUrl(__dirname);
  const settingsByUri = new Map<string, Promise<Settings>>();
  const timers = new Map<string, NodeJS.Timeout>();
  let canAskConfiguration = false;
  let initialSettings: Settings = DEFAULT_SETTINGS;

  const log = (message: string) => connection.console.error(message);

  connection.onInitialize((params): InitializeResult => {
    canAskConfiguration = params.capabilities.workspace?.configuration === true;
    const options = params.initializationOptions as { settings?: unknown } | undefined;
    if (options?.settings !== undefined) initialSettings = parseSettings(options.settings);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      },
      serverInfo: { name: 'ecs-task-networking' },
    };
  });

  const settingsFor = (uri: string): Promise<Settings> => {
    if (!canAskConfiguration) return Promise.resolve(initialSettings);
    let pending = settingsByUri.get(uri);
    if (!pending) {
      pending = connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then(parseSettings, (error: unknown) => {
          log(`could not read settings for ${uri}: ${String(error)}`);
          return initialSettings;
        });
      settingsByUri.set(uri, pending);
    }
    return pending;
  };

  const modelOf = (textDocument: TextDocument): EcsDocument =>
    cache.get(textDocument.uri, textDocument.version, () => textDocument.getText());

  const isCurrent = (uri: string, version: number) => documents.get(uri)?.version === version;

  /** Runs a request handler so that an exception is logged and answered with `fallback`, never fatal. */
  function runSafe<T>(name: string, fallback: T, token: CancellationToken, fn: () => T): T {
    if (token.isCancellationRequested) return fallback;
    try {
      return fn();
    } catch (error) {
      log(`${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return fallback;
    }
  }

  const textOf: TextSource = (uri) => {
    const open = documents.get(uri);
    return open ? { text: open.getText(), positionAt: (o) => open.positionAt(o) } : undefined;
  };

  async function validate(uri: string): Promise<void> {
    const textDocument = documents.get(uri);
    if (!textDocument) return;
    const version = textDocument.version;
    const settings = await settingsFor(uri);
    // A newer edit arrived while we waited: its own run will publish.
    if (!isCurrent(uri, version)) return;
    const doc = modelOf(textDocument);
    const findings = runRules(doc, RULES, { severities: settings.rules, log, isCancelled: () => !isCurrent(uri, version) });
    if (!isCurrent(uri, version)) return;
    const diagnostics = toDiagnostics(doc, findings, {
      docsUrl,
      documentFor: (other) => {
        const open = documents.get(other);
        return open ? modelOf(open) : undefined;
      },
    });
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

  documents.onDidOpen((e) => schedule(e.document.uri, 0));
  documents.onDidChangeContent((e) => {
    settingsFor(e.document.uri).then(
      (s) => schedule(e.document.uri, s.validationDelayMs),
      () => schedule(e.document.uri, DEFAULT_SETTINGS.validationDelayMs),
    );
  });
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    cache.delete(e.document.uri);
    settingsByUri.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
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
    return runSafe('hover', null, token, () => {
      const doc = modelOf(textDocument);
      const content = hoverAt(doc, doc.offsetAt(params.position), settings);
      if (!content) return null;
      return {
        contents: { kind: MarkupKind.Markdown, value: content.markdown },
        range: { start: doc.positionAt(content.range.offset), end: doc.positionAt(content.range.offset + content.range.length) },
      };
    });
  });

  connection.onCodeAction(async (params, token) => {
    const textDocument = documents.get(params.textDocument.uri);
    if (!textDocument) return [];
    const settings = await settingsFor(textDocument.uri);
    return runSafe('codeAction', [], token, () => {
      const doc = modelOf(textDocument);
      const only = params.context.only;
      const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
      const actions = wants(CodeActionKind.QuickFix) ? quickFixes(doc, params.context.diagnostics, textOf) : [];
      if (wants(FIX_ALL_KIND)) {
        const all = fixAllAction(doc, RULES, { severities: settings.rules, log });
        if (all) actions.push(all);
      }
      return actions;
    });
  });

  documents.listen(connection);
  connection.listen();
}
