import * as vscode from 'vscode';
import { SETTINGS_SECTION as SECTION, SUMMARY, type DocumentSummary } from '../../shared/src/protocol';
import { DOCUMENT_LANGUAGES, sendContractRequest, type ServerController } from './serverController';

/**
 * Shows the active ECS document's kind and a one-line summary computed by the server. Refreshed
 * when the active editor changes and whenever diagnostics for it are published (the server has then
 * seen the latest text); hidden for every other document.
 */
export class SummaryStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(`${SECTION}.summary`, vscode.StatusBarAlignment.Right, 100);
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Answers to older requests are dropped: only the latest refresh may set the item. */
  private generation = 0;
  private shown: string | undefined;
  readonly onDidChange = this.changed.event;

  constructor(private readonly server: ServerController) {
    this.item.name = 'ECS Task Networking';
    this.item.command = `${SECTION}.showCapacityPlan`;
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) void this.refresh();
      }),
      server.onDidChangeState(() => void this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SECTION)) void this.refresh();
      }),
    );
    void this.refresh();
  }

  get text(): string | undefined {
    return this.shown;
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const doc = vscode.window.activeTextEditor?.document;
    const client = this.server.running;
    if (!doc || !client || !DOCUMENT_LANGUAGES.has(doc.languageId)) return this.show(undefined);
    let summary: DocumentSummary | null = null;
    try {
      summary = await sendContractRequest(client, SUMMARY, { uri: client.code2ProtocolConverter.asUri(doc.uri) });
    } catch (error) {
      this.server.output.appendLine(`${SUMMARY.method} failed: ${String(error)}`);
    }
    if (generation !== this.generation) return;
    this.show(summary ?? undefined);
  }

  private show(summary: DocumentSummary | undefined): void {
    if (!summary) {
      this.item.hide();
    } else {
      this.item.text = `$(server-environment) ${summary.label}: ${summary.text}`;
      const tooltip = new vscode.MarkdownString();
      tooltip.appendText(summary.tooltip ?? `${summary.label}: ${summary.text}`);
      tooltip.appendMarkdown('\n\n*Click for the capacity plan.*');
      this.item.tooltip = tooltip;
      this.item.accessibilityInformation = { label: `ECS ${summary.label}: ${summary.text}` };
      this.item.show();
    }
    const text = summary ? this.item.text : undefined;
    if (text !== this.shown) {
      this.shown = text;
      this.changed.fire(text);
    }
  }

  dispose(): void {
    this.item.dispose();
    this.changed.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
