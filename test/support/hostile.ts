/**
 * Documents nobody should write but an editor can hold: pathological nesting, huge values, byte
 * order marks, broken UTF-16, numbers JSON cannot represent, garbage. Shared by the fuzz test (the
 * model and features in process) and the protocol test (the bundled server must survive them).
 */

export interface HostileDocument {
  readonly name: string;
  readonly text: string;
  /** Where the document lives; a plain task definition path unless the name matters. */
  readonly uri?: string;
}

/** 10 MiB: a value far larger than any ECS field, well under the model's 20 MiB document limit. */
export const HUGE_STRING_LENGTH = 10 * 1024 * 1024;
/** Ten times the model's nesting limit, and past the depth where a recursive parser overflows Node's stack. */
export const HOSTILE_DEPTH = 10_000;

/** A Fargate task definition with `value` as the text of its `family` (any JSON, written as is). */
export function taskDefinitionWith(family: string, image = '"nginx:1.27"'): string {
  return [
    '{',
    `  "family": ${family},`,
    '  "networkMode": "awsvpc",',
    '  "requiresCompatibilities": ["FARGATE"],',
    '  "cpu": "256",',
    '  "memory": "512",',
    '  "containerDefinitions": [',
    `    { "name": "web", "image": ${image}, "portMappings": [{ "containerPort": 80, "hostPort": 80 }] }`,
    '  ]',
    '}',
  ].join('\n');
}

/** The same kind of task definition as `taskDefinitionWith`, with `extra` members added (text, no trailing comma). */
function taskDefinitionPlus(extra: string): string {
  return taskDefinitionWith('"web"').replace('{\n', `{\n  ${extra},\n`);
}

/** Bytes 0–255 in a fixed scrambled order, read as Latin-1: NULs, control characters, stray quotes and brackets. */
function binaryGarbage(length: number): string {
  let state = 0x2545f491;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    out += String.fromCharCode(state >>> 24);
  }
  return out;
}

export function hostileDocuments(): HostileDocument[] {
  const plain = taskDefinitionWith('"web"');
  return [
    { name: 'arrays nested 10,000 deep in a task definition field', text: taskDefinitionWith('['.repeat(HOSTILE_DEPTH) + ']'.repeat(HOSTILE_DEPTH)) },
    {
      name: 'objects nested 10,000 deep in a task definition field',
      text: taskDefinitionWith('{"a":'.repeat(HOSTILE_DEPTH) + '1' + '}'.repeat(HOSTILE_DEPTH)),
    },
    { name: 'unclosed arrays 10,000 deep', text: taskDefinitionWith('['.repeat(HOSTILE_DEPTH)) },
    { name: 'mismatched brackets 10,000 deep', text: taskDefinitionWith('[},'.repeat(HOSTILE_DEPTH)) },
    { name: 'a 10 MB string value', text: taskDefinitionWith('"web"', JSON.stringify('x'.repeat(HUGE_STRING_LENGTH))) },
    { name: 'a 10 MB property name', text: taskDefinitionPlus(`${JSON.stringify('k'.repeat(HUGE_STRING_LENGTH))}: 1`) },
    { name: 'a document over the 20 MB limit', text: taskDefinitionWith('"web"', JSON.stringify('y'.repeat(21 * 1024 * 1024))) },
    { name: 'a byte order mark', text: '\ufeff' + plain },
    { name: 'CRLF line endings', text: plain.replace(/\n/g, '\r\n') },
    { name: 'CR-only line endings', text: plain.replace(/\n/g, '\r') },
    { name: 'a lone high surrogate in a value', text: taskDefinitionWith('"web\ud800"') },
    { name: 'a lone low surrogate in a key', text: taskDefinitionPlus('"net\udc00workMode": "awsvpc"') },
    { name: 'an escaped lone surrogate', text: taskDefinitionWith('"web\\ud800"') },
    { name: '1e999 where numbers go', text: plain.replace('"containerPort": 80', '"containerPort": 1e999').replace('"cpu": "256"', '"cpu": 1e999') },
    { name: '-0 where numbers go', text: plain.replace('"containerPort": 80, "hostPort": 80', '"containerPort": -0, "hostPort": -0') },
    { name: 'duplicate keys', text: taskDefinitionPlus('"networkMode": "bridge", "cpu": 1024, "containerDefinitions": "none"') },
    { name: 'an empty document', text: '' },
    { name: 'only whitespace', text: ' \n\t\r\n ' },
    { name: 'only comments', text: '// a task definition, one day\n/* nothing here yet */\n' },
    { name: 'an unclosed block comment', text: '/* ' + plain },
    { name: 'binary garbage', text: binaryGarbage(4096) },
    { name: 'binary garbage after a task definition', text: plain + binaryGarbage(512) },
    { name: 'NUL characters inside strings', text: taskDefinitionWith('"w\u0000e\u0000b"') },
    { name: 'an environment file with prototype keys and absurd counts', uri: 'file:///ws/ecs-network.json', text: absurdEnvironment() },
  ];
}

/**
 * An environment file an attacker might commit: prototype keys at every level and counts no cluster
 * can have. Written as text: in a JavaScript literal `__proto__` would set the prototype instead.
 */
export function absurdEnvironment(): string {
  return `{
  "__proto__": { "polluted": true, "subnets": [{ "id": "subnet-0badc0de0badc0de0", "cidr": "10.9.0.0/16" }] },
  "constructor": { "prototype": { "polluted": true } },
  "subnets": [
    { "id": "subnet-0123456789abcdef0", "cidr": "10.0.0.0/16", "az": "eu-west-1a", "availableIpv4": 1e12, "__proto__": { "polluted": true } },
    { "id": "subnet-0123456789abcdef1", "cidr": "10.1.0.0/16", "otherConsumers": [{ "ipv4": 1e12 }, { "ipv4": -5 }, { "ipv4": 1e999 }] }
  ],
  "clusters": [
    {
      "name": "prod",
      "capacity": [
        { "instanceType": "c5.large", "count": 1e12, "az": "eu-west-1a" },
        { "instanceType": "m5.large", "count": 4999, "az": "eu-west-1b" },
        { "instanceType": "m5.large", "count": 4999, "az": "eu-west-1c" },
        { "instanceType": "m5.large", "count": 1e999, "az": "eu-west-1c" }
      ]
    },
    { "name": "__proto__", "capacity": [{ "instanceType": "__proto__", "count": 1 }], "services": ["__proto__", "constructor"] }
  ],
  "accountSettings": { "awsvpcTrunking": "enabled", "__proto__": { "dualStackIPv6": true } }
}
`;
}
