import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Environment } from '../../server/src/core/environment';
import { readEnvironment } from '../../server/src/workspace/files';
import { join } from 'node:path';
import { REPO_ROOT } from './lsp-client';

export const FIXTURE_DIR = join(REPO_ROOT, 'test', 'fixtures', 'rules');
/**
 * YAML twins of CloudFormation fixtures, one folder per rule as under FIXTURE_DIR. Kept apart so
 * that the docs pages and the JSON-only tests (fuzzing, containment) keep reading JSON.
 */
export const YAML_FIXTURE_DIR = join(REPO_ROOT, 'test', 'fixtures', 'yaml');

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

/**
 * YAML has no inline comment, so a YAML fixture's markers are removed before it is read and each
 * expected offset is where its marker stood in the text without markers.
 */
export function strippedMarkers(text: string): { text: string; expected: string[] } {
  const expected: string[] = [];
  let removed = 0;
  for (const m of text.matchAll(MARKER)) {
    expected.push(`${m.index! - removed}:${m[1]}`);
    removed += m[0].length;
  }
  return { text: stripMarkers(text), expected: expected.sort() };
}

function load(dir: string, extension: RegExp, read: (text: string) => { text: string; expected: string[] }): Fixture[] {
  const fixtures: Fixture[] = [];
  for (const ruleDir of readdirSync(dir).sort()) {
    const envFile = join(FIXTURE_DIR, ruleDir, 'ecs-network.json');
    const env = existsSync(envFile) ? readEnvironment(envFile).env : undefined;
    for (const name of readdirSync(join(dir, ruleDir)).sort()) {
      if (!/^(valid|invalid)-/.test(name) || !extension.test(name)) continue;
      const file = join(dir, ruleDir, name);
      const { text, expected } = read(readFileSync(file, 'utf8'));
      fixtures.push({ ruleDir, name, file, text, valid: name.startsWith('valid-'), expected, env });
    }
  }
  return fixtures;
}

/** JSON fixtures: their markers are JSON comments, so the text is read with them. */
export function loadFixtures(): Fixture[] {
  return load(FIXTURE_DIR, /\.json$/, (text) => ({ text, expected: expectedMarkers(text) }));
}

/** YAML fixtures, markers already removed from `text`; the environment file is the JSON fixture folder's. */
export function loadYamlFixtures(): Fixture[] {
  return existsSync(YAML_FIXTURE_DIR) ? load(YAML_FIXTURE_DIR, /\.ya?ml$/, strippedMarkers) : [];
}
