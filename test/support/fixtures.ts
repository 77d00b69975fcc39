import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Environment } from '../../server/src/core/environment';
import { readEnvironment } from '../../server/src/workspace/files';
import { join } from 'node:path';
import { REPO_ROOT } from './lsp-client';

export const FIXTURE_DIR = join(REPO_ROOT, 'test', 'fixtures', 'rules');

/** `/*!rule-id*\/` placed right before the token where a diagnostic with that code must start. */
const MARKER = /\/\*!([a-z0-9-]+)\*\//g;

export interface Fixture {
  readonly ruleDir: string;
  readonly name: string;
  readonly file: string;
  readonly text: string;
  readonly valid: boolean;
  /** Expected (offset, code) pairs, sorted. */
  readonly expected: string[];
  /** The folder's ecs-network.json, when it has one: fixtures of environment-based rules are checked against it. */
  readonly env?: Environment;
}

export function expectedMarkers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(MARKER)) out.push(`${m.index! + m[0].length}:${m[1]}`);
  return out.sort();
}

/** The fixture as a reader sees it: markers removed. */
export function stripMarkers(text: string): string {
  return text.replace(MARKER, '');
}

export function loadFixtures(): Fixture[] {
  const fixtures: Fixture[] = [];
  for (const ruleDir of readdirSync(FIXTURE_DIR).sort()) {
    const envFile = join(FIXTURE_DIR, ruleDir, 'ecs-network.json');
    const env = existsSync(envFile) ? readEnvironment(envFile).env : undefined;
    for (const name of readdirSync(join(FIXTURE_DIR, ruleDir)).sort()) {
      if (!/^(valid|invalid)-.*\.json$/.test(name)) continue;
      const file = join(FIXTURE_DIR, ruleDir, name);
      const text = readFileSync(file, 'utf8');
      fixtures.push({ ruleDir, name, file, text, valid: name.startsWith('valid-'), expected: expectedMarkers(text), env });
    }
  }
  return fixtures;
}
