import { taskFacts } from '../semantics/facts';
import type { Rule } from './types';

// Task definition parameters, hostPort: every container instance reserves 22 (SSH), 2375 and 2376
// (Docker) and 51678-51680 (the ECS agent); a task asking for one of them as a host port is never
// placed (RESOURCE:PORTS). containerPort: Windows tasks on Fargate cannot use 3150.
const RESERVED_HOST_PORTS: ReadonlyMap<number, string> = new Map([
  [22, 'SSH'],
  [2375, 'the Docker daemon'],
  [2376, 'Docker over TLS'],
  [51678, 'the ECS container agent'],
  [51679, 'the ECS container agent'],
  [51680, 'the ECS container agent'],
]);
const WINDOWS_FARGATE_RESERVED = 3150;

export const reservedHostPort: Rule = {
  id: 'reserved-host-port',
  fix: null,
  family: 'ports',
  severity: 'warning',
  appliesTo: ['task-definition'],
  title: 'Host ports the container instance reserves',
  description:
    'ECS keeps some ports of every container instance for itself: 22 (SSH), 2375 and 2376 (Docker) and ' +
    '51678-51680 (the container agent). In `bridge` and `host` mode a task that needs one of them as its host ' +
    'port is accepted at registration but never placed: the scheduler reports RESOURCE:PORTS. Windows tasks on ' +
    'Fargate cannot use container port 3150 either. awsvpc tasks on EC2 have their own ENI and are not affected.',
  check(ctx) {
    const facts = taskFacts(ctx.unit);
    const mode = facts.effectiveMode;
    if (mode === 'bridge' || mode === 'host') {
      for (const m of facts.portMappings) {
        // host mode binds the container port itself; bridge only a static host port.
        const port = mode === 'host' ? (m.hostPort ?? m.containerPort) : m.hostPort;
        const owner = port === undefined ? undefined : RESERVED_HOST_PORTS.get(port);
        if (!owner) continue;
        ctx.report({
          path: [...m.path, m.hostPort !== undefined ? 'hostPort' : 'containerPort'],
          message: `Host port ${port} is reserved on every container instance (${owner}); a task that needs it cannot be placed (RESOURCE:PORTS).`,
        });
      }
    }
    if (facts.fargate && facts.os === 'windows') {
      for (const m of facts.portMappings) {
        if (m.containerPort !== WINDOWS_FARGATE_RESERVED) continue;
        ctx.report({
          path: [...m.path, 'containerPort'],
          message: `Container port ${WINDOWS_FARGATE_RESERVED} is reserved for Windows tasks on Fargate; use another port.`,
        });
      }
    }
  },
};
