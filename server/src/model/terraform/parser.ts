import { Language, Parser, type Tree } from 'web-tree-sitter';

// web-tree-sitter and the HCL grammar are wasm modules: loading them is asynchronous and happens
// once per process (the Node server, the CLI, the browser worker, a test run), before any `.tf`
// document is read. Everything after that is synchronous, like the JSON and YAML readers.

/** The two wasm files, as bytes: the caller knows where its bundle keeps them (disk, extension URI). */
export interface TerraformWasm {
  /** `web-tree-sitter.wasm`, the parser runtime. */
  readonly runtime: Uint8Array;
  /** `tree-sitter-terraform.wasm` from `@tree-sitter-grammars/tree-sitter-hcl`. */
  readonly grammar: Uint8Array;
}

/** A loaded grammar. Parsers are cheap; trees hold wasm memory and must be deleted. */
export class TerraformGrammar {
  private readonly parser: Parser;

  constructor(language: Language) {
    this.parser = new Parser();
    this.parser.setLanguage(language);
  }

  /** Parses `text`, reusing `previous` (already edited to match) for an incremental parse. */
  parse(text: string, previous?: Tree): Tree | undefined {
    return this.parser.parse(text, previous ?? null) ?? undefined;
  }
}

let loading: Promise<TerraformGrammar> | undefined;
let loaded: TerraformGrammar | undefined;

/** Loads the parser once; later calls return the same grammar. */
export function loadTerraformGrammar(wasm: () => Promise<TerraformWasm> | TerraformWasm): Promise<TerraformGrammar> {
  loading ??= (async () => {
    const bytes = await wasm();
    // With the bytes given nothing is fetched; `locateFile` only names the file, so the loader does
    // not build a URL from its own script's location (a bundled worker has none).
    await Parser.init({ wasmBinary: bytes.runtime, locateFile: (name: string) => name } as object);
    const grammar = new TerraformGrammar(await Language.load(bytes.grammar));
    loaded = grammar;
    return grammar;
  })();
  return loading;
}

/** The grammar, once `loadTerraformGrammar` has finished; until then `.tf` documents are not read. */
export function terraformGrammar(): TerraformGrammar | undefined {
  return loaded;
}

declare function atob(data: string): string;

/**
 * Loads the grammar from base64 bytes a client sent (`{ runtime, grammar }`), as the browser client
 * does; anything else is ignored. A failure is logged: `.tf` files then stay unread.
 */
export async function loadGivenTerraform(given: unknown, log: (message: string) => void): Promise<void> {
  const wasm = given as { runtime?: unknown; grammar?: unknown } | undefined;
  if (typeof wasm?.runtime !== 'string' || typeof wasm.grammar !== 'string') return;
  const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  try {
    await loadTerraformGrammar(() => ({ runtime: bytes(wasm.runtime as string), grammar: bytes(wasm.grammar as string) }));
  } catch (error) {
    log(`Terraform support is unavailable: ${error instanceof Error ? error.message : String(error)}`);
  }
}
