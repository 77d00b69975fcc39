import * as vscode from 'vscode';
import { CAPACITY_PLAN, type CapacityPlanView } from '../../shared/src/protocol';
import { renderCapacityPlanHtml } from './capacityPlanHtml';
import { sendContractRequest, type ServerController } from './serverController';
export const CAPACITY_PLAN_VIEW_TYPE = 'ecsTaskNetworking.capacityPlan';

let panel: vscode.WebviewPanel | undefined;

/** A fresh nonce for the content security policy, from the Web Crypto API the desktop and the browser both have. */
function nonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Asks the server for the capacity plan at the cursor and shows it in one reusable webview panel
 * (no scripts, a strict content security policy). Returns the plan shown, or undefined.
 */
export async function showCapacityPlan(
  context: vscode.ExtensionContext,
  server: ServerController,
  wantsServer: (doc: vscode.TextDocument) => boolean,
): Promise<CapacityPlanView | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !wantsServer(editor.document)) {
    void vscode.window.showInformationMessage('Open an ECS task definition, service or CloudFormation template to see its capacity plan.');
    return undefined;
  }
  const client = await server.ensureStarted();
  const view = await sendContractRequest(client, CAPACITY_PLAN, {
    uri: client.code2ProtocolConverter.asUri(editor.document.uri),
    position: client.code2ProtocolConverter.asPosition(editor.selection.active),
  });
  if (!view) {
    void vscode.window.showInformationMessage('This document has no ECS service or task definition to plan for.');
    return undefined;
  }
  if (!panel) {
    panel = vscode.window.createWebviewPanel(
      CAPACITY_PLAN_VIEW_TYPE,
      view.title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: false,
        enableCommandUris: false,
        localResourceRoots: [],
      },
    );
    panel.onDidDispose(() => (panel = undefined), undefined, context.subscriptions);
  } else {
    panel.reveal(vscode.ViewColumn.Beside, true);
  }
  panel.title = view.title;
  panel.webview.html = renderCapacityPlanHtml(view, nonce());
  return view;
}
