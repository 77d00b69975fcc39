import { serviceFacts, taskFacts } from '../../../semantics/facts';
import { compatibilityVerdict, launchTypeVerdict } from '../../../semantics/verdicts';
import { linkedTask, type CompletionContext } from '../context';
import { choiceList, describedEnum, list, type Choice, type DescribedValue } from '../items';
import { enumListItems } from '../providers/generic';
import { INDEX, pathIs, type ValueProvider } from '../providers/registry';

// Where tasks run: a task definition's requiresCompatibilities and a service's launchType.
// Judged by the same verdicts as the rules (Fargate needs awsvpc; launchType excludes capacity providers).

const LAUNCH_TARGETS: readonly DescribedValue[] = [
  {
    value: 'FARGATE',
    detail: 'serverless · awsvpc only · task cpu/memory from the Fargate size table',
    documentation: 'Runs on AWS Fargate: no instances to manage. The task must use `awsvpc` and set task-level `cpu` and `memory` to a valid Fargate size.',
  },
  {
    value: 'EC2',
    detail: 'your container instances · every network mode',
    documentation:
      'Runs on EC2 container instances registered to the cluster. Every network mode works; with `awsvpc` the number of tasks per instance is bounded by its ENIs.',
  },
  {
    value: 'EXTERNAL',
    detail: 'ECS Anywhere · on-premises servers and VMs',
    documentation: 'Runs on your own servers or virtual machines registered to the cluster with ECS Anywhere.',
  },
  {
    value: 'MANAGED_INSTANCES',
    detail: 'ECS Managed Instances · EC2 capacity run by ECS',
    documentation: 'Runs on EC2 instances that ECS provisions, patches and scales for you.',
  },
];

/** One entry of requiresCompatibilities: the values not listed yet; FARGATE invalid with a non-awsvpc mode. */
export function compatibilityChoices(ctx: CompletionContext): Choice[] {
  const facts = taskFacts(ctx.unit);
  const index = ctx.rel[ctx.rel.length - 1];
  const written = ctx.unit.value.requiresCompatibilities;
  const others = new Set<string>(Array.isArray(written) ? written.filter((v, i): v is string => typeof v === 'string' && i !== index) : []);
  return describedEnum(ctx, LAUNCH_TARGETS, compatibilityVerdict(facts)).filter((c) => !others.has(c.value));
}

/** A service's launchType, judged against its capacity providers and the task definition it runs (any file). */
export function launchTypeChoices(ctx: CompletionContext): Choice[] {
  return describedEnum(ctx, LAUNCH_TARGETS, launchTypeVerdict(serviceFacts(ctx.unit), linkedTask(ctx)));
}

export const placementTargetProviders: readonly ValueProvider[] = [
  { id: 'requires-compatibilities-list', kinds: ['task-definition'], matches: pathIs('requiresCompatibilities'), provide: (ctx) => list(enumListItems(ctx)) },
  {
    id: 'requires-compatibilities',
    kinds: ['task-definition'],
    matches: pathIs('requiresCompatibilities', INDEX),
    provide: (ctx) => choiceList(ctx, compatibilityChoices(ctx)),
  },
  { id: 'launch-type', kinds: ['service'], matches: pathIs('launchType'), provide: (ctx) => choiceList(ctx, launchTypeChoices(ctx)) },
];
