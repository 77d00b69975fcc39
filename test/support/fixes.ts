import { checkText } from '../../server/src/cli/check';
import { syntaxOf } from '../../server/src/model/document';
import { applyFixEdits } from '../../server/src/features/edits';

/**
 * Applies the preferred (or the named) fix of the first finding of `ruleId` and re-checks the
 * result; `uri` says the syntax (a `.yaml` name reads the text as YAML).
 */
export function runCheckFixes(before: string, ruleId: string, fixTitle?: string, uri = 'file:///t.json'): { after: string; remaining: string[] } {
  const { findings } = checkText(before, uri);
  const finding = findings.find((f) => f.ruleId === ruleId);
  if (!finding) throw new Error(`no ${ruleId} finding; got ${findings.map((f) => f.ruleId).join(', ')}`);
  const fix = fixTitle ? finding.fixes?.find((f) => f.title === fixTitle) : (finding.fixes?.find((f) => f.preferred) ?? finding.fixes?.[0]);
  if (!fix) throw new Error(`${ruleId} has no fix${fixTitle ? ` '${fixTitle}'` : ''}: ${finding.fixes?.map((f) => f.title).join(', ')}`);
  const after = applyFixEdits(before, fix.edits, syntaxOf(uri, before));
  return { after, remaining: checkText(after, uri).findings.map((f) => f.ruleId) };
}
