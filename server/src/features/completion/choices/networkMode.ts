import { NETWORK_MODES, type NetworkMode } from '../../../core/kinds';
import { NETWORK_MODE_PROFILES, networkModeMarkdown } from '../../../core/networkModes';
import { taskFacts } from '../../../semantics/facts';
import { taskNetworkModeVerdict } from '../../../semantics/verdicts';
import type { CompletionContext } from '../context';
import { choiceList, describedEnum, type Choice, type DescribedValue } from '../items';
import { pathIs, type ValueProvider } from '../providers/registry';

// Network mode choices: the modes as the core describes them, judged by the same verdict as the
// network-mode rules (Fargate and Windows need awsvpc, `none` allows no port mappings).

/** A completion item's words for a mode, from the one description of each mode in the core. */
function describe(mode: NetworkMode): DescribedValue {
  const p = NETWORK_MODE_PROFILES[mode];
  return { value: mode, detail: `${p.runsOn} · ${p.shortly}`, documentation: networkModeMarkdown(mode) };
}

/** Every network mode; the only valid one preferred, the others with the reason they are refused. */
export function networkModeChoices(ctx: CompletionContext): Choice[] {
  return describedEnum(ctx, NETWORK_MODES.map(describe), taskNetworkModeVerdict(taskFacts(ctx.unit)));
}

export const networkModeProvider: ValueProvider = {
  id: 'network-mode',
  kinds: ['task-definition'],
  matches: pathIs('networkMode'),
  provide: (ctx) => choiceList(ctx, networkModeChoices(ctx)),
};
