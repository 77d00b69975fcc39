import { RULES } from '../rules/registry';
import type { Severity } from '../rules/types';
import type { CheckedFile } from './check';
import { VERSION } from './output';

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };
const RULE_DOCS = 'docs/rules/';

/** A SARIF 2.1.0 log for code scanning: one run, every rule described, one result per diagnostic. */
export function toSarif(results: readonly CheckedFile[]): object {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ecs-net',
            version: VERSION,
            rules: RULES.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.title },
              fullDescription: { text: rule.description },
              help: { text: `${rule.description} See ${RULE_DOCS}${rule.id}.md.` },
              defaultConfiguration: { level: LEVEL[rule.severity] },
              properties: { family: rule.family },
            })),
          },
        },
        results: results.flatMap((file) =>
          file.diagnostics.map((d) => ({
            ruleId: d.code,
            ruleIndex: RULES.findIndex((r) => r.id === d.code),
            level: LEVEL[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: file.file },
                  // SARIF counts lines and columns from 1.
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}
