import { checkText } from '../../server/src/cli/check';
import { applyFixEdits } from '../../server/src/features/edits';

/** Applies the preferred (or the named) fix of the first finding of `ruleId` and re-checks the result. */
export function runCheckFixes(before: string, ruleId: string, fixTitle?: string): { after: string; remaining: string[] } {
  const { findings } = checkText(before, 'file:///t.json');
  const finding = findings.find((f) => f.ruleId === ruleId);
  if (!finding) throw new Error(`no ${ruleId} finding; got ${findings.map((f) => f.ruleId).join(', ')}`);
  const fix = fixTitle ? finding.fixes?.find((f) => f.title === fixTitle) : (finding.fixes?.find((f) => f.preferred) ?? finding.fixes?.[0]);
  if (!fix) throw new Error(`${ruleId} has no fix${fixTitle ? ` '${fixTitle}'` : ''}: ${finding.fixes?.map((f) => f.title).join(', ')}`);
  const after = applyFixEdits(before, fix.edits, 'json');
  return { after, remaining: checkText(after, 'file:///t.json').findings.map((f) => f.ruleId) };
}
