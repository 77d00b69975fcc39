// Port numbers as Docker and ECS read them: 0-65535. Linux's ephemeral range, which ECS warns
// about for static bridge host ports, is 49153-65535 (ECS developer guide, PortMapping.hostPort).

export const MAX_PORT = 65535;
export const LINUX_EPHEMERAL_FIRST = 49153;
/** Per container, documented for containerPortRange (ECS PortMapping API reference). */
export const MAX_PORT_RANGES_PER_CONTAINER = 100;

/** `"8000-8010"` → [8000, 8010], or undefined when it is not a valid range. */
export function parsePortRange(text: string): [number, number] | undefined {
  const match = /^\s*(\d{1,5})\s*-\s*(\d{1,5})\s*$/.exec(text);
  if (!match) return undefined;
  const first = Number(match[1]);
  const last = Number(match[2]);
  if (first < 1 || last > MAX_PORT || first >= last) return undefined;
  return [first, last];
}

// Task definition parameters, hostPort: every container instance reserves 22 (SSH), 2375 and 2376
// (Docker) and 51678-51680 (the ECS agent); a task asking for one of them as a host port is never
// placed (RESOURCE:PORTS). containerPort: Windows tasks on Fargate cannot use 3150.
export const RESERVED_HOST_PORTS: ReadonlyMap<number, string> = new Map([
  [22, 'SSH'],
  [2375, 'the Docker daemon'],
  [2376, 'Docker over TLS'],
  [51678, 'the ECS container agent'],
  [51679, 'the ECS container agent'],
  [51680, 'the ECS container agent'],
]);
export const WINDOWS_FARGATE_RESERVED = 3150;
