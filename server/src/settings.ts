import type { SeveritySetting } from './rules/types';
import { ENV_FILE_NAME } from '../../shared/src/protocol';

/** Settings under `ecsTaskNetworking.*`, read per document (a workspace folder may override them). */
export interface Settings {
  /** Per-rule severity: `off | info | warning | error`. */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  /** Delay after the last keystroke before a document is checked, in milliseconds. */
  readonly validationDelayMs: number;
  /** Instance types assumed for EC2 figures when the environment does not say. */
  readonly defaultInstanceTypes: readonly string[];
  readonly trunking: boolean;
  readonly os: 'linux' | 'windows';
  /** Name of the environment file looked for above each document (or a path relative to the workspace folder). */
  readonly environmentFile: string;
}

export const DEFAULT_SETTINGS: Settings = {
  rules: {},
  validationDelayMs: 200,
  defaultInstanceTypes: ['c5.large'],
  trunking: false,
  os: 'linux',
  environmentFile: ENV_FILE_NAME,
};

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

/** Settings are user input: anything malformed falls back to the default, field by field. */
export function parseSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, SeveritySetting> = {};
  if (r.rules && typeof r.rules === 'object' && !Array.isArray(r.rules)) {
    for (const [id, value] of Object.entries(r.rules as Record<string, unknown>)) {
      if (typeof value === 'string' && SEVERITIES.has(value)) rules[id] = value as SeveritySetting;
    }
  }
  const delay = r.validationDelay;
  const types = Array.isArray(r.defaultInstanceTypes) ? r.defaultInstanceTypes.filter((t): t is string => typeof t === 'string' && t.trim() !== '') : [];
  return {
    rules,
    validationDelayMs: typeof delay === 'number' && Number.isFinite(delay) && delay >= 0 && delay <= 10_000 ? delay : DEFAULT_SETTINGS.validationDelayMs,
    defaultInstanceTypes: types.length ? types : DEFAULT_SETTINGS.defaultInstanceTypes,
    trunking: typeof r.trunking === 'boolean' ? r.trunking : DEFAULT_SETTINGS.trunking,
    os: r.os === 'windows' ? 'windows' : 'linux',
    environmentFile:
      typeof r.environmentFile === 'string' && r.environmentFile.trim() !== '' && !r.environmentFile.includes('\0')
        ? r.environmentFile.trim()
        : DEFAULT_SETTINGS.environmentFile,
  };
}
