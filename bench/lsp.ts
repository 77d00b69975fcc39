// The server as an editor sees it, over stdio: start-up to first diagnostics, keystroke to
// diagnostics on a 3 KB task definition and a 1 MB template (JSON, then YAML), and memory with 100
// open documents.
// Validation delay is set to 0 so the figures are the server's own time plus the round trip.
import { readFileSync } from 'node:fs';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../test/support/lsp-client';
import { cloudFormationTemplateText, fargateTaskDefinitionText } from './documents';
import { cloudFormationTemplateYaml, triosForYamlBytes } from './yamlDocuments';

interface Latency {
  medianMs: number;
  p99Ms: number;
  edits: number;
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

function summary(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    medianMs: Number(sorted[Math.floor(sorted.length / 2)].toFixed(2)),
    p99Ms: Number(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)].toFixed(2)),
    edits: sorted.length,
  };
}

/** Resident memory of the server process, from /proc (Linux), in MiB. */
function rssMiB(pid: number | undefined): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb ? Math.round(Number(kb) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

async function startup(): Promise<number> {
  const start = process.hrtime.bigint();
  const client = new LspTestClient();
  client.settings = { validationDelay: 0 };
  await client.initialize();
  await client.open('file:///bench/start.json', fargateTaskDefinitionText());
  const elapsed = ms(start);
  await client.shutdown();
  return elapsed;
}

function positionOf(text: string, offset: number) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Where a digit can be typed into a number (JSON or YAML): the first desired count or container port. */
function numberOffset(text: string): number {
  const key = /"?\b(desiredCount|DesiredCount|containerPort|ContainerPort)"?: /.exec(text);
  if (!key) throw new Error('no number to type into');
  return key.index + key[0].length;
}

/** Types a digit into a number and deletes it again, edit after edit, waiting for each edit's diagnostics. */
async function keystrokes(client: LspTestClient, uri: string, text: string, edits: number): Promise<Latency> {
  await client.open(uri, text, uri.endsWith('.yaml') ? 'yaml' : 'json');
  const at = positionOf(text, numberOffset(text));
  const samples: number[] = [];
  for (let i = 0; i < edits; i++) {
    const change: TextDocumentContentChangeEvent =
      i % 2 === 0 ? { range: { start: at, end: at }, text: '1' } : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
    const start = process.hrtime.bigint();
    const version = await client.change(uri, [change]);
    await client.diagnosticsFor(uri, version);
    samples.push(ms(start));
  }
  await client.close(uri);
  return summary(samples);
}

export async function main(): Promise<Record<string, unknown>> {
  const startups: number[] = [];
  for (let i = 0; i < 5; i++) startups.push(await startup());
  startups.sort((a, b) => a - b);

  const client = new LspTestClient();
  client.settings = { validationDelay: 0 };
  await client.initialize();
  const small = fargateTaskDefinitionText();
  const big = cloudFormationTemplateText(100).text; // about 1 MB
  await keystrokes(client, 'file:///bench/warm.json', small, 50);
  const smallLatency = await keystrokes(client, 'file:///bench/small.json', small, 400);
  const bigLatency = await keystrokes(client, 'file:///bench/big.json', big, 40);
  // The same kind of template in YAML, about the same size: the `yaml` reader is the slower parser.
  const bigYaml = cloudFormationTemplateYaml(triosForYamlBytes(1e6)).text;
  const bigYamlLatency = await keystrokes(client, 'file:///bench/big.yaml', bigYaml, 20);

  const baseline = rssMiB(client.process.pid);
  for (let i = 0; i < 100; i++) {
    const text = i % 10 === 0 ? cloudFormationTemplateText(5).text : small.replace('"orders-api"', `"orders-api-${i}"`);
    await client.open(`file:///bench/open-${i}.json`, text);
  }
  const withHundred = rssMiB(client.process.pid);
  await client.shutdown();

  const figures = {
    startupToFirstDiagnosticsMs: { median: Number(startups[2].toFixed(1)), min: Number(startups[0].toFixed(1)), max: Number(startups[4].toFixed(1)) },
    keystroke3KB: { bytes: small.length, ...smallLatency },
    keystroke1MB: { bytes: big.length, ...bigLatency },
    keystroke1MBYaml: { bytes: bigYaml.length, ...bigYamlLatency },
    rssMiB: { afterKeystrokeRuns: baseline, with100OpenDocuments: withHundred },
  };
  console.log('\n## The server over LSP (stdio, validationDelay 0)\n');
  console.log(
    `start to first diagnostics   median ${figures.startupToFirstDiagnosticsMs.median} ms (min ${figures.startupToFirstDiagnosticsMs.min}, max ${figures.startupToFirstDiagnosticsMs.max}, 5 starts)`,
  );
  console.log(
    `keystroke -> diagnostics, ${small.length} B task definition: median ${smallLatency.medianMs} ms, p99 ${smallLatency.p99Ms} ms (${smallLatency.edits} edits)`,
  );
  console.log(
    `keystroke -> diagnostics, ${(big.length / 1e6).toFixed(2)} MB template: median ${bigLatency.medianMs} ms, p99 ${bigLatency.p99Ms} ms (${bigLatency.edits} edits)`,
  );
  console.log(
    `keystroke -> diagnostics, ${(bigYaml.length / 1e6).toFixed(2)} MB YAML template: median ${bigYamlLatency.medianMs} ms, p99 ${bigYamlLatency.p99Ms} ms (${bigYamlLatency.edits} edits; ${(bigYamlLatency.medianMs / bigLatency.medianMs).toFixed(1)}x the JSON figure)`,
  );
  console.log(
    `server RSS                   ${baseline ?? '?'} MiB before, ${withHundred ?? '?'} MiB with 100 open documents (90 task definitions, 10 templates)`,
  );
  return figures;
}

if (require.main === module) void main();
