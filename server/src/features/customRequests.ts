import { RequestType, type Connection, type Position, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EcsDocument } from '../model/document';
import { createReferences } from '../semantics/references';
import type { References } from '../semantics/references';
import type { Settings } from '../settings';
import type { Environment } from '../core/environment';
import { capacityPlanFor, type CapacityPlanView } from './capacityPlan';
import { summaryFor, type DocumentSummary } from './summary';

/** Requests beyond LSP that our own client sends. Method names are part of the client contract. */
export const CapacityPlanRequest = new RequestType<{ uri: string; position: Position }, CapacityPlanView | null, void>('ecsTaskNetworking/capacityPlan');
export const SummaryRequest = new RequestType<{ uri: string }, DocumentSummary | null, void>('ecsTaskNetworking/summary');

export interface CustomRequestDeps {
  readonly documents: TextDocuments<TextDocument>;
  /** The cached parse of an open document (one per version). */
  readonly modelOf: (textDocument: TextDocument) => EcsDocument;
  readonly settingsFor: (uri: string) => Promise<Settings>;
  /** Resolves a service's task definition in other files too; without it only a template's own Refs resolve. */
  readonly refs?: References;
  /** The environment file that applies to a document, when there is one. */
  readonly environmentFor?: (uri: string, settings: Settings) => Environment | undefined;
  readonly log?: (message: string) => void;
}

/**
 * Registers `ecsTaskNetworking/capacityPlan` and `ecsTaskNetworking/summary`. Both answer null for
 * a document that is not open or not an ECS document, and never throw: a failure is logged and
 * answered with null.
 */
export function registerCustomRequests(connection: Connection, deps: CustomRequestDeps): void {
  const log = deps.log ?? ((message: string) => connection.console.error(message));
  const refs = deps.refs ?? createReferences();

  async function answer<T>(name: string, uri: string, compute: (doc: EcsDocument, settings: Settings, text: TextDocument) => T | null | undefined): Promise<T | null> {
    const textDocument = deps.documents.get(uri);
    if (!textDocument) return null;
    try {
      const settings = await deps.settingsFor(uri);
      // The document may have changed or closed while settings were read: use what is open now.
      const current = deps.documents.get(uri);
      if (!current) return null;
      return compute(deps.modelOf(current), settings, current) ?? null;
    } catch (error) {
      log(`${name} failed for ${uri}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return null;
    }
  }

  connection.onRequest(CapacityPlanRequest, (params) =>
    answer('capacityPlan', params.uri, (doc, settings, text) => capacityPlanFor(doc, text.offsetAt(params.position), settings, refs, deps.environmentFor?.(params.uri, settings))),
  );
  connection.onRequest(SummaryRequest, (params) => answer('summary', params.uri, (doc, settings) => summaryFor(doc, settings, refs, deps.environmentFor?.(params.uri, settings))));
}
