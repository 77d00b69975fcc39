import type { SyntaxProblem } from '../types';
import { tooLarge } from '../parse';
import { DOCUMENT_TOO_LARGE } from '../jsonSyntax';

// What the Terraform reader refuses to parse, and why. tree-sitter's HCL grammar reads ordinary
// code at about half a microsecond per character (the 1 MB benchmark file parses in 0.4–0.6 s of
// CPU on the development machine), but the inside of a quoted string at about 1.6 µs and of a
// heredoc at about 0.8 µs per character, and an edit inside a string or heredoc makes the
// incremental parse read that whole token again. Measured (CPU time, one parse): a 256 KB string
// 0.42 s, 512 KB 0.84 s; a 10 MB string would hold the server for tens of seconds on a busy machine.

const KB = 1024;

/**
 * The longest `.tf` text parsed: 2 MiB. Twice the 1 MB benchmark file, about a second to parse;
 * hand-written and generated Terraform files are far smaller (a module's files are split by
 * concern and rarely pass 100 KB).
 */
export const MAX_TERRAFORM_LENGTH = 2 * KB * KB;

/**
 * The longest string or heredoc parsed: 256 KiB, about 0.4 s for each edit inside it. ECS takes
 * task definitions of up to 64 KiB (the RegisterTaskDefinition request size), the largest text a
 * container-definitions heredoc or `jsonencode` needs; IAM policies and user data are smaller still.
 */
export const MAX_TERRAFORM_TOKEN = 256 * KB;

/** Resource types that make a `.tf` file an ECS document worth telling that it was not checked. */
const ECS_RESOURCES = ['"aws_ecs_task_definition"', '"aws_ecs_service"', '"aws_lb_target_group"', '"aws_alb_target_group"'];

/** Whether a file declares (or at least names) a resource the checks would read. */
export function namesEcsResource(text: string): boolean {
  return ECS_RESOURCES.some((type) => text.includes(type));
}

/** Where the scan can have something to do: a comment, a string or a heredoc may start there. */
const SIGNIFICANT = /[#/"<]/g;
/** Where a quoted string can end, or skip a character. */
const STRING_STOP = /["\\\n]/g;

/** `<<ID` or `<<-ID` and the rest of its line, at a position (sticky: matches there or not at all). */
const HEREDOC_OPEN = /<<-?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/y;

/** Where the heredoc whose body starts at `from` ends: after the line holding only `id`, else the text's end. */
function heredocEnd(text: string, from: number, id: string): number {
  for (let line = from; line < text.length;) {
    const next = text.indexOf('\n', line);
    const end = next === -1 ? text.length : next;
    if (text.slice(line, end).trim() === id) return end;
    line = end + 1;
  }
  return text.length;
}

/**
 * The first quoted string or heredoc longer than `maxToken` characters. One
 * pass, no backtracking. Comments are skipped; a quoted string is taken to end at its closing
 * quote or at the end of its line (HCL strings do not span lines), so a string holding an
 * interpolation with quotes of its own is seen in pieces: shorter, never longer, than it is.
 */
export function longTokenAt(text: string, maxToken: number): { offset: number; length: number; heredoc: boolean } | undefined {
  // No token is longer than the text; most files stop here.
  if (text.length <= maxToken) return undefined;
  const n = text.length;
  // Regular expressions of one character class find the next place to look at native speed.
  for (let i = 0; i < n;) {
    SIGNIFICANT.lastIndex = i;
    const found = SIGNIFICANT.exec(text);
    if (!found) return undefined;
    i = found.index;
    const c = text[i];
    const next = text[i + 1];
    if (c === '#' || (c === '/' && next === '/')) {
      const eol = text.indexOf('\n', i);
      i = eol === -1 ? n : eol + 1;
    } else if (c === '/' && next === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? n : close + 2;
    } else if (c === '"') {
      let j = i + 1;
      for (;;) {
        STRING_STOP.lastIndex = j;
        const stop = STRING_STOP.exec(text);
        if (!stop) {
          j = n;
          break;
        }
        if (stop[0] !== '\\') {
          j = stop.index;
          break;
        }
        j = stop.index + 2;
      }
      if (j - i > maxToken) return { offset: i, length: j - i, heredoc: false };
      i = j + 1;
    } else if (c === '<' && next === '<') {
      HEREDOC_OPEN.lastIndex = i;
      const open = HEREDOC_OPEN.exec(text);
      if (!open) {
        i += 2;
        continue;
      }
      const end = heredocEnd(text, i + open[0].length, open[1]);
      if (end - i > maxToken) return { offset: i, length: end - i, heredoc: true };
      i = end;
    } else {
      i++;
    }
  }
  return undefined;
}

/** The one problem of a `.tf` text the reader will not parse, or undefined when it may. */
export function terraformLimit(text: string, maxLength: number): SyntaxProblem | undefined {
  const limit = Math.min(maxLength, MAX_TERRAFORM_LENGTH);
  if (text.length > limit) return { ...tooLarge(text.length, limit), ruleId: DOCUMENT_TOO_LARGE };
  const long = longTokenAt(text, MAX_TERRAFORM_TOKEN);
  if (!long) return undefined;
  return {
    offset: long.offset,
    length: 1,
    message: `This ${long.heredoc ? 'heredoc' : 'string'} is ${Math.round(long.length / KB)} KB long; Terraform files with a string or heredoc over ${MAX_TERRAFORM_TOKEN / KB} KB are not checked for ECS networking problems.`,
    ruleId: DOCUMENT_TOO_LARGE,
  };
}

/**
 * Nesting past the reader's depth: the file is not checked (as the JSON and YAML readers do). The
 * reader counts levels of syntax, and a bracket is three of them (expression, collection, tuple),
 * so DocumentLimits.maxNestingDepth (1,000) lets some 300 levels of brackets through.
 */
export function tooDeep(offset: number): SyntaxProblem {
  return { offset, length: 1, message: 'Nesting this deep is not checked: ECS networking checks skip this document.', ruleId: DOCUMENT_TOO_LARGE };
}
