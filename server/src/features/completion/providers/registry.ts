import type { CompletionList } from 'vscode-languageserver';
import type { JsonPath, UnitKind } from '../../../model/types';
import type { CompletionContext } from '../context';

// Value completion is contributed by providers, each declaring the unit kinds and the paths it
// serves (in API spelling, relative to the unit). For a site the registry asks the matching
// providers in order; the first that answers wins, so a specific provider goes before a general one.

export interface ValueProvider {
  /** Stable kebab-case name, for logs and tests. */
  readonly id: string;
  readonly kinds: readonly UnitKind[];
  /** Whether the provider serves this path (API spelling, relative to the unit). */
  matches(api: JsonPath): boolean;
  /** The items for the site, or undefined to let the next provider answer. */
  provide(ctx: CompletionContext): CompletionList | undefined;
}

export interface ValueProviders {
  /** Adds a provider ahead of those already registered (a contribution overrides the built-in answers). */
  register(provider: ValueProvider): void;
  /** The providers for a site, in the order they are asked. */
  providersFor(kind: UnitKind, api: JsonPath): ValueProvider[];
  /** The first answer of the providers for the site. */
  provide(ctx: CompletionContext): CompletionList | undefined;
}

export function createValueProviders(initial: readonly ValueProvider[] = []): ValueProviders {
  const providers = [...initial];
  const providersFor = (kind: UnitKind, api: JsonPath) => providers.filter((p) => p.kinds.includes(kind) && p.matches(api));
  return {
    register(provider) {
      providers.unshift(provider);
    },
    providersFor,
    provide(ctx) {
      for (const provider of providersFor(ctx.unit.kind, ctx.api)) {
        const answer = provider.provide(ctx);
        if (answer) return answer;
      }
      return undefined;
    },
  };
}

/** Matches one array index. */
export const INDEX = Symbol('index');
/** Matches any one segment. */
export const ANY = Symbol('any');
type Segment = string | typeof INDEX | typeof ANY;

/** A path matcher: names match themselves, INDEX an array index, ANY any one segment. */
export function pathIs(...pattern: readonly Segment[]): (api: JsonPath) => boolean {
  return (api) =>
    api.length === pattern.length && pattern.every((seg, i) => (seg === ANY ? true : seg === INDEX ? typeof api[i] === 'number' : api[i] === seg));
}

/** Matches every path: for the general providers that look the path up in the structural model. */
export const anyPath = (): boolean => true;
