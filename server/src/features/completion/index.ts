import type { CompletionList } from 'vscode-languageserver';
import type { Environment } from '../../core/environment';
import type { EcsDocument } from '../../model/document';
import { createReferences } from '../../semantics/references';
import type { References } from '../../semantics/references';
import type { Settings } from '../../settings';
import { membersAt } from '../../structure/validate';
import { isEcsUnit, keyContext, valueContext, type Inputs } from './context';
import { findSite, type CursorSite } from './cursor';
import { findYamlSite } from './yamlCursor';
import { EMPTY } from './items';
import { propertyNames } from './properties';
import { builtInValueProviders } from './providers/builtIn';
import type { ValueProviders } from './providers/registry';

// Completion for ECS documents: values ranked by what the rest of the document (and the documents
// it points at) allows (an invalid choice is still offered, last, with the reason), Fargate sizes
// and EC2 instance types from the core tables, and property names from the structural model.
// Everything is computed from the cached EcsDocument; the text is only scanned to learn what
// surrounds the cursor, in JSON or in YAML.

export { instanceTypeItems, MAX_INSTANCE_TYPE_ITEMS } from './instanceTypes';
export { createValueProviders, pathIs, anyPath, INDEX, ANY, type ValueProvider, type ValueProviders } from './providers/registry';
export { builtInValueProviders } from './providers/builtIn';
export type { CompletionContext } from './context';

export interface CompletionOptions {
  /** How documents refer to each other (workspace index); defaults to references inside one template. */
  readonly refs?: References;
  /** The nearest environment file. */
  readonly env?: Environment;
  /** The value providers to ask; defaults to the built-in ones. */
  readonly providers?: ValueProviders;
}

let builtIn: ValueProviders | undefined;

/**
 * What is being typed at the cursor, read in the document's syntax. Only this part knows the
 * syntax: the providers answer the same for every one. A syntax without a reader here (Terraform,
 * until it has one) gets no completion.
 */
function siteAt(doc: EcsDocument, text: string, offset: number): CursorSite | undefined {
  switch (doc.syntax) {
    case 'json':
      return findSite(text, offset);
    case 'yaml':
      return findYamlSite(doc.tree, text, offset, (path) => {
        const unit = doc.unitAt(path, true);
        return unit !== undefined && isEcsUnit(unit) && membersAt(unit.kind, unit.style, path.slice(unit.basePath.length)) !== undefined;
      });
    default:
      return undefined;
  }
}

/**
 * Completions at `offset` (UTF-16 code units into `doc.text`). An offset outside the text, a
 * comment or a place outside every ECS unit gives an empty list. A bug throws: the server's
 * handler logs it with its stack and answers with an empty list.
 */
export function completionsAt(doc: EcsDocument, offset: number, settings: Settings, options: CompletionOptions = {}): CompletionList {
  if (doc.kind === 'unknown' || doc.units.length === 0) return EMPTY;
  const text = doc.text.charCodeAt(0) === 0xfeff ? ' ' + doc.text.slice(1) : doc.text;
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) return EMPTY;
  const site = siteAt(doc, text, offset);
  if (!site) return EMPTY;
  const inputs: Inputs = { doc, text, offset, settings, refs: options.refs ?? createReferences(), env: options.env };
  if (site.role === 'key') {
    const ctx = keyContext(inputs, site);
    return (ctx && propertyNames(ctx)) ?? EMPTY;
  }
  const ctx = valueContext(inputs, site);
  const providers = options.providers ?? (builtIn ??= builtInValueProviders());
  return (ctx && providers.provide(ctx)) ?? EMPTY;
}
