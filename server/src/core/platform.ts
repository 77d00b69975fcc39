/**
 * Fargate platform versions and x.y.z version comparison (also used for container agent versions).
 */
import { FARGATE_LINUX_PLATFORM_VERSIONS, FARGATE_WINDOWS_PLATFORM_VERSIONS, type FargatePlatformVersion } from './data/fargate';
import type { Os } from './kinds';

// A service or task without platformVersion runs on LATEST (ECS guide, Fargate platform versions).
export const LATEST_PLATFORM_VERSION = 'LATEST';

export interface ResolvedPlatformVersion {
  /** The concrete version: LATEST resolved, otherwise the input as given (trimmed). */
  version: string;
  /** Whether the version appears in the platform version table for the OS. */
  known: boolean;
  /** e.g. 'current', 'available', 'retired'; absent when unknown. */
  status?: string;
}

/** Parses `1.4.0`, `1.4` or `v1.99.1` into numbers; undefined for anything else. */
export function parseVersion(text: string): number[] | undefined {
  if (typeof text !== 'string') return undefined;
  const match = /^v?(\d+(?:\.\d+){0,3})$/.exec(text.trim());
  return match ? match[1].split('.').map(Number) : undefined;
}

/**
 * -1, 0 or 1 as a is older, equal or newer than b; missing parts count as 0 (`1.4` = `1.4.0`).
 * Undefined when either is not a dotted version number.
 */
export function compareVersions(a: string, b: string): -1 | 0 | 1 | undefined {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) return undefined;
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

function table(os: Os): readonly FargatePlatformVersion[] {
  // Linux and Windows Fargate number their platform versions independently.
  return os === 'windows' ? FARGATE_WINDOWS_PLATFORM_VERSIONS : FARGATE_LINUX_PLATFORM_VERSIONS;
}

/** Resolves LATEST (or no version at all) to the concrete version it stands for and looks up its status. */
export function resolveFargatePlatformVersion(version: string | undefined, os: Os): ResolvedPlatformVersion {
  // A non-string (e.g. a number from JSON) is a mistake for another check to report; it matches no version.
  if (version !== undefined && typeof version !== 'string') return { version: String(version), known: false };
  const given = version === undefined || version.trim() === '' ? LATEST_PLATFORM_VERSION : version.trim();
  const rows = table(os);
  const row = rows.find((r) => r.version === given);
  if (!row) return { version: given, known: false };
  const concrete = row.resolvesTo ?? row.version;
  const status = rows.find((r) => r.version === concrete)?.status;
  return status === undefined ? { version: concrete, known: true } : { version: concrete, known: true, status };
}

/**
 * Whether `version` (LATEST or omitted included) is at least `min` for the OS. Versions missing
 * from the table are still compared by number; undefined only when they cannot be compared.
 */
export function atLeastPlatform(version: string | undefined, min: string, os: Os): boolean | undefined {
  const resolved = resolveFargatePlatformVersion(version, os);
  const order = compareVersions(resolved.version, min);
  return order === undefined ? undefined : order >= 0;
}
