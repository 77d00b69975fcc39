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
    await Parser.init({ wasmBinary: bytes.runtime } as object);
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
