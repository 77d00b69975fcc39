import { EcsDocument, syntaxOf } from '../model/document';
import { replacesResource } from '../model/terraform/normalise';
import type { PathLocation } from '../model/syntax';
import type { Json, JsonPath, OffsetRange } from '../model/types';
import { isObject } from '../model/values';
import type { Fix, FixEdit } from '../rules/types';
import type { TextEditor } from './edits';
import { jsonEditor } from './jsonEdits';
import { indentOf, lineStart, nextLineStart, realign, removeLines } from './terraform/hclLayout';
import { expectedResource, sameJson } from './terraform/readBack';
import { blockLines, hclKey, hclLiteral, isBlockList } from './terraform/hclWriting';

// Quick fixes in `.tf` files. A fix arrives as edits on the Terraform projection (paths and values
// as the reader gives them, from the unit's toDocPath/toDocValue); each is written as HCL at the
// place the reader recorded for the path: a value replaced, an attribute or a nested block added to
// its block, an attribute's lines removed, a key renamed; inside a heredoc of JSON the JSON editor
// writes. Every edit is read back: when the new text does not parse, or does not hold the value the
// fix meant at its path, the fix is not offered at all. A wrong edit is worse than none.

/**
 * What one edit does to the text, or undefined when it cannot be written here. `expect`: the value
 * written when it differs from the edit's; `as`: the edit as the projection sees it.
 */
type Written = { text: string; from: number; to: number; expect?: Json; as?: FixEdit } | undefined;

const NUMBER = /^-?\d+(\.\d+)?$/;

const eolOf = (text: string) => (text.includes('\r\n') ? '\r\n' : '\n');
const slice = (text: string, r: OffsetRange) => text.slice(r.offset, r.offset + r.length);
const endOf = (r: OffsetRange) => r.offset + r.length;

function splice(text: string, from: number, to: number, insert: string): Written {
  return { text: text.slice(0, from) + insert + text.slice(to), from, to: from + insert.length };
}

class TerraformWriter {
  readonly text: string;

  constructor(private readonly doc: EcsDocument) {
    this.text = doc.text;
  }

  private locate(path: JsonPath): PathLocation | undefined {
    return this.doc.tree.locate(path);
  }

  /** A nested block's (or a resource's) place: its value range starts at its type name. */
  private isBlock(loc: PathLocation, path: JsonPath): boolean {
    return path.length === 3 || (loc.key !== undefined && loc.key.offset === loc.value.offset);
  }

  /** The marker of the heredoc an attribute's value is written in (the reader's place is the JSON inside it). */
  private heredocMarker(loc: PathLocation): string | undefined {
    if (!loc.key) return undefined;
    return /^\s*=\s*<<-?([A-Za-z_][A-Za-z0-9_-]*)/.exec(this.text.slice(endOf(loc.key), loc.value.offset))?.[1];
  }

  /** The JSON in a heredoc holding `path` (strictly above it), with the path below it. */
  private heredocAbove(path: JsonPath): { json: OffsetRange; rel: JsonPath } | undefined {
    for (let depth = 4; depth < path.length; depth++) {
      const loc = this.locate(path.slice(0, depth));
      if (loc && this.heredocMarker(loc)) return { json: loc.value, rel: path.slice(depth) };
    }
    return undefined;
  }

  apply(edit: FixEdit): Written {
    if (edit.path[0] !== 'resource' || edit.path.length < 4) return undefined;
    // A name the object already has would be written twice: Terraform (and the JSON a heredoc holds) keeps one of them, not the user's choice.
    const parent = this.doc.valueAt(edit.path.slice(0, -1));
    if (edit.renameTo !== undefined && isObject(parent) && Object.hasOwn(parent, edit.renameTo)) return undefined;
    const heredoc = this.heredocAbove(edit.path);
    if (heredoc) return this.inHeredoc(heredoc.json, { ...edit, path: heredoc.rel });
    if (edit.renameTo !== undefined) return this.rename(edit.path, edit.renameTo);
    if (edit.remove) {
      // The only block of its type: with it goes the type's list in the projection.
      const list = edit.path.slice(0, -1);
      const only = typeof edit.path[edit.path.length - 1] === 'number' && !this.locate(list) && !this.locate([...list, 1]);
      const written = this.remove(only ? list : edit.path);
      return written && only ? { ...written, as: { path: list, remove: true } } : written;
    }
    if (edit.value === undefined) return undefined;
    return this.set(edit.path, edit.value);
  }

  /** The end of a heredoc's closing marker line. */
  private heredocEnd(loc: PathLocation): number | undefined {
    const marker = this.heredocMarker(loc);
    for (let at = nextLineStart(this.text, endOf(loc.value)); at < this.text.length; at = nextLineStart(this.text, at)) {
      const line = this.text.slice(at, nextLineStart(this.text, at)).trim();
      if (line === marker) return at + this.text.slice(at).indexOf(marker!) + marker!.length;
      if (line !== '') return undefined;
    }
    return undefined;
  }

  /** The JSON of a heredoc, from the start of its first line (so the JSON editor sees its indentation), edited as JSON. */
  private inHeredoc(json: OffsetRange, edit: FixEdit): Written {
    const from = lineStart(this.text, json.offset);
    const body = this.text.slice(from, endOf(json));
    // An indented heredoc (`<<-EOT`) is edited without its common indentation, so the JSON editor
    // reads the JSON's own indentation step from it, and gets it back after.
    const lines = body.split('\n');
    const common = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length));
    const dedented = lines.map((l) => l.slice(Math.min(common, /^[ \t]*/.exec(l)![0].length))).join('\n');
    const prefix = lines[0].slice(0, common);
    const applied = jsonEditor.apply(dedented, [edit]);
    if (applied === dedented) return undefined;
    const edited = applied
      .split('\n')
      .map((l) => (l.trim() === '' ? l : prefix + l))
      .join('\n');
    // The heredoc is a template: a `${` or `%{` the edit brings in would be read as one.
    const templates = (t: string) => t.split(/[$%]\{/).length;
    if (templates(edited) > templates(body)) return undefined;
    return splice(this.text, from, endOf(json), edited);
  }

  private rename(path: JsonPath, name: string): Written {
    const key = this.locate(path)?.key;
    if (!key || typeof path[path.length - 1] !== 'string') return undefined;
    const quoted = this.text[key.offset] === '"';
    return splice(this.text, key.offset, endOf(key), quoted ? JSON.stringify(name) : hclKey(name));
  }

  private set(path: JsonPath, value: Json): Written {
    const loc = this.locate(path);
    if (!loc) return this.insert(path, value);
    // Blocks are replaced by no fix; an expression, a heredoc or JSON in a string is not ours to overwrite.
    if (this.isBlock(loc, path) || isBlockList(value)) return undefined;
    const current = this.doc.valueAt(path);
    if (typeof current === 'string' && !this.text.startsWith('"', loc.value.offset)) return undefined;
    // `cpu = 256` stays a number when the fix writes "512": Terraform converts it as before.
    const bare = typeof current === 'number' && typeof value === 'string' && NUMBER.test(value);
    const written = splice(this.text, loc.value.offset, endOf(loc.value), bare ? value : hclLiteral(value));
    return written && { ...written, expect: bare ? Number(value) : value };
  }

  /** A missing path: written as a member of its nearest existing ancestor, the levels between built as values. */
  private insert(path: JsonPath, value: Json): Written {
    for (let depth = path.length - 1; depth >= 3; depth--) {
      const parent = path.slice(0, depth);
      const loc = this.locate(parent);
      if (!loc) continue;
      let nested: Json = value;
      for (let i = path.length - 1; i > depth; i--) {
        const seg = path[i];
        if (typeof seg === 'number' && seg !== 0) return undefined;
        nested = typeof seg === 'number' ? [nested] : { [seg]: nested };
      }
      const name = path[depth];
      if (typeof name !== 'string') return undefined;
      if (this.isBlock(loc, parent)) return this.intoBody(parent, loc.value, name, nested);
      if (this.text[loc.value.offset] === '{' && isObject(this.doc.valueAt(parent))) return this.intoObject(parent, loc.value, name, nested);
      return undefined;
    }
    return undefined;
  }

  /** The members of an object or body that have a place, in text order. */
  private members(parent: JsonPath): { name: string; loc: PathLocation; block: boolean }[] {
    const value = this.doc.valueAt(parent);
    if (!isObject(value)) return [];
    const out: { name: string; loc: PathLocation; block: boolean }[] = [];
    for (const name of Object.keys(value)) {
      const own = this.locate([...parent, name]);
      if (own) out.push({ name, loc: own, block: false });
      else if (isBlockList(value[name])) {
        for (let i = 0; i < (value[name] as Json[]).length; i++) {
          const el = this.locate([...parent, name, i]);
          if (el) out.push({ name, loc: el, block: true });
        }
      }
    }
    return out.sort((a, b) => a.loc.value.offset - b.loc.value.offset);
  }

  /** Adds an attribute after the block's last attribute, or a nested block at the end of the body. */
  private intoBody(parent: JsonPath, block: OffsetRange, name: string, value: Json): Written {
    const text = this.text;
    const close = endOf(block) - 1;
    const closeLine = lineStart(text, close);
    if (text[close] !== '}' || text.slice(closeLine, close).trim() !== '' || closeLine <= block.offset) return undefined;
    const eol = eolOf(text);
    const members = this.members(parent);
    const indent = members.length ? indentOf(text, members[0].loc.value.offset) : indentOf(text, block.offset) + '  ';
    if (isBlockList(value)) {
      const lines = value.flatMap((body, i) => [...(i > 0 ? [''] : []), ...blockLines(name, body, indent)]);
      const before = text.slice(lineStart(text, closeLine - 1), closeLine).trim();
      const blank = before !== '' && !before.endsWith('{') ? eol : '';
      return splice(text, closeLine, closeLine, blank + lines.join(eol) + eol);
    }
    const firstBlock = members.find((m) => m.block);
    const attributes = members.filter((m) => !m.block && (!firstBlock || m.loc.value.offset < firstBlock.loc.value.offset));
    // Beside the one-line arguments, not after a long jsonencode(…) that follows them.
    const oneLine = attributes.filter((m) => !slice(text, m.loc.value).includes('\n'));
    const last = oneLine[oneLine.length - 1] ?? attributes[attributes.length - 1];
    const at = last ? nextLineStart(text, endOf(last.loc.value)) : nextLineStart(text, this.openBrace(block) ?? closeLine);
    if (at > closeLine) return undefined;
    return splice(text, at, at, `${indent}${hclKey(name)} = ${hclLiteral(value)}${eol}`);
  }

  /** The `{` opening a block's body: the first one outside its labels' strings. */
  private openBrace(block: OffsetRange): number | undefined {
    for (let i = block.offset; i < endOf(block); i++) {
      if (this.text[i] === '"') i = this.text.indexOf('"', i + 1);
      else if (this.text[i] === '{') return i;
      if (i === -1) return undefined;
    }
    return undefined;
  }

  /** Adds a member to an object expression (inside `jsonencode(…)`): on its line when it is one line, else on a line of its own. */
  private intoObject(parent: JsonPath, object: OffsetRange, name: string, value: Json): Written {
    const member = `${hclKey(name)} = ${hclLiteral(value)}`;
    const members = this.members(parent);
    const last = members[members.length - 1];
    const body = slice(this.text, object);
    if (!body.includes('\n')) {
      if (!last) return splice(this.text, object.offset, endOf(object), `{ ${member} }`);
      return splice(this.text, endOf(last.loc.value), endOf(last.loc.value), `, ${member}`);
    }
    const anchor = last ? endOf(last.loc.value) : object.offset;
    const indent = last ? indentOf(this.text, last.loc.key?.offset ?? last.loc.value.offset) : indentOf(this.text, object.offset) + '  ';
    const at = nextLineStart(this.text, anchor);
    if (at >= endOf(object)) return undefined;
    return splice(this.text, at, at, `${indent}${member}${eolOf(this.text)}`);
  }

  private remove(path: JsonPath): Written {
    const loc = this.locate(path);
    if (!loc) {
      // A block list (`network_configuration`) has a place for each block, none for the list.
      const blocks: OffsetRange[] = [];
      for (let i = 0, el = this.locate([...path, 0]); el; el = this.locate([...path, ++i])) blocks.push(el.value);
      if (!blocks.length || !this.isBlock(this.locate([...path, 0])!, [...path, 0])) return undefined;
      let text = this.text;
      for (const b of blocks.reverse()) text = removeLines(text, b.offset, endOf(b)) ?? text;
      return text === this.text ? undefined : { text, from: blocks[blocks.length - 1].offset, to: blocks[blocks.length - 1].offset };
    }
    const start = loc.key?.offset ?? loc.value.offset;
    const end = this.heredocMarker(loc) ? this.heredocEnd(loc) : endOf(loc.value);
    if (end === undefined) return undefined;
    const whole = removeLines(this.text, start, end);
    const at = lineStart(this.text, start);
    if (whole !== undefined) return { text: whole, from: at, to: at };
    return this.removeInline(path, start, end);
  }

  /** A member sharing its line with others (`{ containerPort = 80, hostPort = 8080 }`): it goes with one separator. */
  private removeInline(path: JsonPath, start: number, end: number): Written {
    const parent = path.slice(0, -1);
    const siblings = (typeof path[path.length - 1] === 'number' ? this.elements(parent) : this.members(parent).map((m) => m.loc)).map((l) => ({
      from: l.key?.offset ?? l.value.offset,
      to: endOf(l.value),
    }));
    const index = siblings.findIndex((s) => s.from === start);
    if (index === -1) return undefined;
    const next = siblings[index + 1];
    const prev = siblings[index - 1];
    if (next) return splice(this.text, start, next.from, '');
    if (prev) return splice(this.text, prev.to, end, '');
    const container = this.locate(parent)?.value;
    if (!container) return undefined;
    const open = this.text[container.offset];
    return splice(this.text, container.offset, endOf(container), open === '[' ? '[]' : '{}');
  }

  private elements(parent: JsonPath): PathLocation[] {
    const out: PathLocation[] = [];
    for (let i = 0, el = this.locate([...parent, 0]); el; el = this.locate([...parent, ++i])) out.push(el);
    return out;
  }
}

/**
 * The text of a `.tf` document after a fix's edits, each applied to the text the previous one left
 * and laid out as `terraform fmt` would; `doc.text` itself when any edit cannot be written.
 */
export function applyTerraformFixEdits(doc: EcsDocument, edits: readonly FixEdit[]): string {
  const made: EcsDocument[] = [];
  try {
    let current = doc;
    for (const edit of edits) {
      const written = new TerraformWriter(current).apply(edit);
      if (!written) return doc.text;
      // Runs of attributes never cross a top-level block: the resource's block is all that is laid out again.
      const block = current.tree.locate(edit.path.slice(0, 3))?.value;
      const grown = written.text.length - current.text.length;
      const window = block && { start: lineStart(current.text, block.offset), end: endOf(block) + grown };
      const text = realign(written.text, written.from, written.to, window);
      // Parsed from the previous version's tree: on a 1 MB file a fresh parse takes seconds, this a fraction of one.
      const next = new EcsDocument(doc.uri, doc.version, text, undefined, current, true);
      made.push(next);
      const resource = edit.path.slice(0, 3);
      const want = expectedResource(current.valueAt(resource) ?? null, written.as ?? edit, written.expect);
      if (next.hasSyntaxErrors || want === undefined || !sameJson(next.valueAt(resource), want)) return doc.text;
      current = next;
    }
    return current.text;
  } finally {
    for (const d of made) d.release();
  }
}

/** The same for a text only (another file of the module a fix reaches into), parsed here. */
export function applyTerraformFixEditsToText(text: string, edits: readonly FixEdit[]): string {
  // Any name ending in .tf makes the document Terraform; the edits name no file.
  const doc = new EcsDocument('untitled:fix.tf', 0, text);
  try {
    return applyTerraformFixEdits(doc, edits);
  } finally {
    doc.release();
  }
}

/** The Terraform entry of the editors table (features/edits.ts). */
export const terraformEditor: TextEditor = { apply: applyTerraformFixEditsToText };

/**
 * A fix's title, with a note when it changes an argument the provider cannot change in place
 * (`target_type`): Terraform will destroy and create the resource. The rule's title stays the same
 * in every syntax; the note is Terraform's own fact, read from the provider's pages.
 */
export function terraformFixTitle(fix: Fix, docUri: string): string {
  const replaced = new Set<string>();
  for (const edit of fix.edits) {
    const [root, type, name, ...rest] = edit.path;
    if (root !== 'resource' || rest.length === 0 || syntaxOf(edit.uri ?? docUri, '') !== 'terraform') continue;
    if (replacesResource(String(type), rest)) replaced.add(`${String(type)}.${String(name)}`);
  }
  return replaced.size ? `${fix.title} (Terraform will replace ${[...replaced].join(' and ')})` : fix.title;
}
