import { RequestType, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EcsDocument } from '../model/document';
import { createReferences } from '../semantics/references';
import type { References } from '../semantics/references';
import type { Settings } from '../settings';
import type { Environment } from '../core/environment';
import { CAPACITY_PLAN, SUMMARY, type ContractRequest } from '../../../shared/src/protocol';
import { capacityPlanFor } from './capacityPlan';
import { summaryFor } from './summary';

/** An LSP request type for a request of the client contract, with the contract's types. */
export const lspRequest = <P, R>(request: ContractRequest<P, R>) => new RequestType<P, R, void>(request.method);

/** Requests beyond LSP that our own client sends (shared/src/protocol.ts). */
export const CapacityPlanRequest = lspRequest(CAPACITY_PLAN);
export const SummaryRequest = lspRequest(SUMMARY);

export interface CustomRequestDeps {
  readonly documents: TextDocuments<TextDocument>;
  /** The cached parse of an open document (one per version). */
  readonly modelOf: (textDocument: TextDocument) => EcsDocument;
  readonly settingsFor: (uri: string) => Promise<Settings>;
  /** Resolves a service's task definition in other files too; without it only a template's own Refs resolve. */
  readonly refs?: References;
  /**
   * For one document: its references, when they depend on its environment file (objects pulled
   * from the account), and the environment file that applies to it, when there is one.
   */
  readonly contextFor?: (uri: string, settings: Settings) => Promise<{ readonly refs?: References; readonly env?: Environment }>;
  readonly log?: (message: string) => void;
}

/**
 * Registers the capacity plan and summary requests. Both answer null for
 * a document that is not open or not an ECS document, and never throw: a failure is logged and
 * answered with null.
 */
export function registerCustomRequests(connection: Connection, deps: CustomRequestDeps): void {
  const log = deps.log ?? ((message: string) => connection.console.error(message));
  const refs = deps.refs ?? createReferences();

  async function answer<T>(
    name: string,
    uri: string,
    compute: (doc: EcsDocument, settings: Settings, text: TextDocument, refs: References, env: Environment | undefined) => T | null | undefined,
  ): Promise<T | null> {
    const textDocument = deps.documents.get(uri);
    if (!textDocument) return null;
    try {
      const settings = await deps.settingsFor(uri);
      const context = (await deps.contextFor?.(uri, settings)) ?? {};
      // The document may have changed or closed while settings were read: use what is open now.
      const current = deps.documents.get(uri);
      if (!current) return null;
      return compute(deps.modelOf(current), settings, current, context.refs ?? refs, context.env) ?? null;
    } catch (error) {
      log(`${name} failed for ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return null;
    }
  }

  connection.onRequest(CapacityPlanRequest, (params) =>
    answer('capacityPlan', params.uri, (doc, settings, text, refs, env) => capacityPlanFor(doc, text.offsetAt(params.position), settings, refs, env)),
  );
  connection.onRequest(SummaryRequest, (params) => answer('summary', params.uri, (doc, settings, _text, refs, env) => summaryFor(doc, settings, refs, env)));
}
