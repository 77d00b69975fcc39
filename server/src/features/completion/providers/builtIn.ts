import { fargateSizeProviders } from '../choices/fargateSize';
import { networkModeProvider } from '../choices/networkMode';
import { placementTargetProviders } from '../choices/placementTarget';
import { serviceChoiceProviders } from '../choices/service';
import { taskOptionProviders } from '../choices/taskOptions';
import { describedProviders } from './described';
import { environmentInstanceTypeProvider } from './environment';
import { genericProviders } from './generic';
import { placementProviders } from './placement';
import { createValueProviders, type ValueProviders } from './registry';

/** The value providers this extension ships, specific ones first and the structural model's last. */
export function builtInValueProviders(): ValueProviders {
  return createValueProviders([
    networkModeProvider,
    ...fargateSizeProviders,
    ...taskOptionProviders,
    ...placementTargetProviders,
    ...serviceChoiceProviders,
    ...describedProviders,
    ...placementProviders,
    environmentInstanceTypeProvider,
    ...genericProviders,
  ]);
}
