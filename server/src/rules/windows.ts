import { bool, isKnown, isUnset } from '../model/values';
import { taskFacts } from '../semantics/facts';
import { taskNetworkModeVerdict, windowsUnsupported } from '../semantics/verdicts';
import type { Rule } from './types';

// Windows containers on ECS: awsvpc or the Windows default (NAT) network mode, and none of the
// Linux-only namespace and DNS settings.

export const windowsNetworkMode: Rule = {
  id: 'windows-network-mode',
  fix: 'Sets `networkMode` to `awsvpc`, or, as a second choice, deletes `networkMode` so Windows uses its default NAT mode.',
  family: 'windows',
  severity: 'error',
  appliesTo: ['task-definition'],
  title: 'Windows tasks use awsvpc or the default network mode',
  description:
    'Windows containers on ECS support only `awsvpc` or, when `networkMode` is left out, the Windows default (NAT). ' +
    '`bridge`, `host` and `none` are Linux modes.',
  check(ctx) {
    const facts = taskFacts(ctx.unit);
    if (facts.modeState !== 'explicit') return;
    const refusal = taskNetworkModeVerdict(facts).refuse(facts.explicitMode!);
    if (refusal?.ruleId !== 'windows-network-mode') return;
    ctx.report({
      path: ['networkMode'],
      message: refusal.reason,
      fixes: [
        { title: "Set networkMode to 'awsvpc'", edits: [ctx.set(['networkMode'], 'awsvpc')], preferred: true },
        { title: 'Remove networkMode (Windows default)', edits: [ctx.remove(['networkMode'])] },
      ],
    });
  },
};

const WINDOWS_TASK_UNSUPPORTED = ['pidMode', 'ipcMode'] as const;
const WINDOWS_CONTAINER_UNSUPPORTED = ['links', 'dnsServers', 'dnsSearchDomains', 'extraHosts'] as const;

export const windowsUnsupportedOption: Rule = {
  id: 'windows-unsupported-option',
  fix: 'Deletes the setting Windows containers do not support.',
  family: 'windows',
  severity: 'error',
  appliesTo: ['task-definition'],
  title: 'Settings Windows containers do not support',
  description:
    'Windows task definitions cannot use `pidMode`, `ipcMode`, or the container settings `links`, `dnsServers`, ' +
    '`dnsSearchDomains`, `extraHosts` and `disableNetworking`.',
  check(ctx) {
    const facts = taskFacts(ctx.unit);
    if (facts.os !== 'windows') return;
    for (const key of WINDOWS_TASK_UNSUPPORTED) {
      if (!isKnown(ctx.unit.value[key])) continue;
      ctx.report({
        path: [key],
        target: 'key',
        message: windowsUnsupported(key),
        fixes: [{ title: `Remove '${key}'`, edits: [ctx.remove([key])], preferred: true, safe: true }],
      });
    }
    for (const c of facts.containers) {
      const keys: string[] = WINDOWS_CONTAINER_UNSUPPORTED.filter((k) => !isUnset(c.value[k]));
      if (bool(c.value.disableNetworking, ctx.unit.style) === true) keys.push('disableNetworking');
      for (const key of keys) {
        ctx.report({
          path: [...c.path, key],
          target: 'key',
          message: windowsUnsupported(key),
          fixes: [{ title: `Remove '${key}'`, edits: [ctx.remove([...c.path, key])], preferred: true, safe: true }],
        });
      }
    }
  },
};
