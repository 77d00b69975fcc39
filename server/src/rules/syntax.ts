import type { Rule } from './types';

/** Reported by the engine from the parser's first error; listed here so it has an id, a severity setting and a docs page. */
export const syntaxError: Rule = {
  id: 'syntax-error',
  fix: null,
  family: 'syntax',
  severity: 'error',
  appliesTo: [],
  title: 'The document is not valid JSON (or YAML)',
  description:
    'The first syntax error is reported where it is (comments and trailing commas are `non-standard-json`). In a ' +
    'YAML template the same holds for tabs in indentation, duplicate keys, unclosed brackets and tags that are not ' +
    'CloudFormation intrinsic functions (`!Ref`, `!GetAtt`, `!Sub`...). While the ' +
    'document has a syntax error, checks that need the whole document (required properties, references between ' +
    'resources) wait, so a half-typed line does not produce a cascade of follow-on errors.',
  check() {
    // Syntax errors come from the parse, not from a check of the units.
  },
};

/** Reported by the engine when the model did not parse a document past its limits (model/parse.ts). */
export const documentTooLarge: Rule = {
  id: 'document-too-large',
  fix: 'No automatic fix: split the document, or flatten the nesting. Only the `ecs-net` checks skip it; the document itself is left as it is.',
  family: 'syntax',
  severity: 'warning',
  appliesTo: [],
  title: 'The document is too large or too deeply nested to check',
  description:
    'Documents longer than 20 MB (6 MB for YAML, whose reader is slower), or with objects and arrays nested more than ' +
    '1,000 levels deep, are not parsed, so none of the other checks run on them; nor are YAML templates whose aliases ' +
    'expand to more than 100,000 values (an alias bomb). Terraform files are not parsed past 2 MB, or when a string or ' +
    'heredoc in them is longer than 256 KB (the parser reads those slowly, and again on every edit inside them), or ' +
    'past a few hundred levels of nesting. Real ECS documents are far smaller: ECS takes task definitions of up to ' +
    '64 KiB and CloudFormation templates of up to 1 MB. The warning appears only on documents that mention ECS ' +
    'resources (such as `containerDefinitions`, `AWS::ECS::Service` or `aws_ecs_service`); other large files stay quiet.',
  check() {
    // Reported from the parse, like syntax-error.
  },
};

/** Reported by the engine from the parse: comments and trailing commas where plain JSON is expected. */
export const nonStandardJson: Rule = {
  id: 'non-standard-json',
  fix: null,
  family: 'syntax',
  severity: 'error',
  appliesTo: [],
  title: 'Comments and trailing commas in a .json file',
  description:
    'CloudFormation and the AWS CLI (`--cli-input-json`, `file://`) read strict JSON and refuse a file with a comment ' +
    'or a trailing comma. Reported in `.json` files; `.jsonc` files and documents in the `jsonc` language accept ' +
    "both. In VS Code the editor's own JSON support already reports them in `json` documents, so this check leaves " +
    'them to it there and reports them in other editors and in `ecs-net check`.',
  check() {
    // Reported from the parse, like syntax-error.
  },
};

/**
 * Whether a document must be strict JSON for this check: `jsonc` documents and `.jsonc` files
 * accept comments, and `json` documents in an editor that reports them itself need no second report.
 */
export function expectsStrictJson(uri: string, languageId: string | undefined, reportedByEditor: boolean): boolean {
  if (languageId === 'jsonc' || /\.jsonc$/i.test(uri)) return false;
  if (languageId === 'json' && reportedByEditor) return false;
  return languageId === 'json' || /\.json$/i.test(uri);
}
