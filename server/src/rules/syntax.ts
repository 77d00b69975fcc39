import type { Rule } from './types';

/** Reported by the engine from the parser's first error; listed here so it has an id, a severity setting and a docs page. */
export const syntaxError: Rule = {
  id: 'syntax-error',
  family: 'syntax',
  severity: 'error',
  appliesTo: [],
  title: 'The document is not valid JSON',
  description:
    'The first syntax error is reported where it is; comments and trailing commas are accepted. While the ' +
    'document has a syntax error, checks that need the whole document (required properties, references between ' +
    'resources) wait, so a half-typed line does not produce a cascade of follow-on errors.',
  check() {
    // Syntax errors come from the parse, not from a check of the units.
  },
};
