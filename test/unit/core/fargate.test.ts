import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  fargateCpuOptions,
  fargateMemoryOptions,
  fargateSizeCheck,
  fargateSizes,
  minLinuxPlatformForCpu,
  nearestFargateSize,
  parseTaskCpu,
  parseTaskMemoryMiB,
} from '../../../server/src/core/fargate';
import type { Os } from '../../../server/src/core/kinds';
import { atLeastPlatform, compareVersions, resolveFargatePlatformVersion } from '../../../server/src/core/platform';

test('74 valid Linux cpu/memory pairs over 7 CPU sizes; Windows from 1 vCPU', () => {
  // fargate.json: 7 CPU sizes, 74 pairs; Windows takes 1024, 2048 and 4096 only.
  assert.equal(fargateSizes('linux').length, 74);
  assert.deepEqual(fargateCpuOptions('linux'), [256, 512, 1024, 2048, 4096, 8192, 16384]);
  assert.deepEqual(fargateCpuOptions('windows'), [1024, 2048, 4096]);
  assert.equal(fargateSizes('windows').length, 7 + 13 + 23);
  assert.deepEqual(fargateMemoryOptions(256, 'linux'), [512, 1024, 2048]);
  assert.deepEqual(fargateMemoryOptions(256, 'windows'), []);
  assert.deepEqual(fargateMemoryOptions(300, 'linux'), []);
});

test('size check', () => {
  // ECS task-size table (task-cpu-memory-error page, botocore RegisterTaskDefinition docs).
  const cases: [number, number, Os, boolean, number[]][] = [
    [256, 512, 'linux', true, [512, 1024, 2048]],
    [256, 4096, 'linux', false, [512, 1024, 2048]],
    [512, 4096, 'linux', true, [1024, 2048, 3072, 4096]],
    [1024, 2048, 'windows', true, [2048, 3072, 4096, 5120, 6144, 7168, 8192]],
    [256, 512, 'windows', false, []],
    [300, 512, 'linux', false, []],
    [8192, 16384, 'linux', true, fargateMemoryOptions(8192, 'linux')],
    [8192, 18432, 'linux', false, fargateMemoryOptions(8192, 'linux')], // 4 GB steps above 16 GB
    [16384, 122880, 'linux', true, fargateMemoryOptions(16384, 'linux')],
    [16384, 126976, 'linux', false, fargateMemoryOptions(16384, 'linux')],
  ];
  for (const [cpu, memory, os, valid, validMemory] of cases) {
    const r = fargateSizeCheck(cpu, memory, os);
    const label = `${cpu}/${memory} ${os}`;
    assert.equal(r.valid, valid, label);
    assert.deepEqual(r.validMemoryForCpu, validMemory, label);
    assert.equal(r.reason === undefined, valid, label);
  }
});

test('nearest valid size rounds up, memory first', () => {
  const cases: [number | undefined, number | undefined, Os, { cpu: number; memoryMiB: number } | undefined][] = [
    [300, 600, 'linux', { cpu: 512, memoryMiB: 1024 }],
    [256, 512, 'linux', { cpu: 256, memoryMiB: 512 }],
    [256, 4096, 'linux', { cpu: 512, memoryMiB: 4096 }],
    [256, 1500, 'linux', { cpu: 256, memoryMiB: 2048 }],
    [undefined, undefined, 'linux', { cpu: 256, memoryMiB: 512 }],
    [undefined, 3000, 'linux', { cpu: 512, memoryMiB: 3072 }],
    [2048, undefined, 'linux', { cpu: 2048, memoryMiB: 4096 }],
    [256, 512, 'windows', { cpu: 1024, memoryMiB: 2048 }],
    [4096, 40000, 'windows', undefined],
    [20000, 1024, 'linux', undefined],
    [16384, 130000, 'linux', undefined],
    [Number.NaN, 512, 'linux', undefined],
  ];
  for (const [cpu, memory, os, expected] of cases) {
    assert.deepEqual(nearestFargateSize(cpu, memory, os), expected, `${cpu}/${memory} ${os}`);
  }
});

test('8 and 16 vCPU need Linux platform 1.4.0', () => {
  assert.equal(minLinuxPlatformForCpu(8192), '1.4.0');
  assert.equal(minLinuxPlatformForCpu(16384), '1.4.0');
  assert.equal(minLinuxPlatformForCpu(4096), undefined);
  assert.equal(minLinuxPlatformForCpu(300), undefined);
});

test('parseTaskCpu: CPU units or vCPU strings', () => {
  // botocore RegisterTaskDefinition: cpu as units ("1024") or vCPU ("1 vCPU", "1 vcpu").
  const cases: [unknown, number | undefined][] = [
    [1024, 1024],
    ['1024', 1024],
    [' 256 ', 256],
    ['1 vCPU', 1024],
    ['1 vcpu', 1024],
    ['0.25 vcpu', 256],
    ['2vCPU', 2048],
    ['.5 vCPU', 512],
    ['16 VCPU', 16384],
    ['0.1 vCPU', undefined], // not a whole number of units
    ['1.5', undefined],
    [1.5, undefined],
    [0, undefined],
    [-256, undefined],
    ['abc', undefined],
    ['', undefined],
    [null, undefined],
    [undefined, undefined],
    [{ Ref: 'TaskCpu' }, undefined],
    [{ 'Fn::If': ['Big', 2048, 1024] }, undefined],
    [true, undefined],
  ];
  for (const [value, expected] of cases) assert.equal(parseTaskCpu(value), expected, JSON.stringify(value));
});

test('parseTaskMemoryMiB: MiB or GB strings', () => {
  // botocore RegisterTaskDefinition: memory as MiB ("1024") or GB ("1GB", "1 GB").
  const cases: [unknown, number | undefined][] = [
    [512, 512],
    ['512', 512],
    ['2GB', 2048],
    ['1 GB', 1024],
    ['0.5GB', 512],
    ['1gb', 1024],
    ['30 GB', 30720],
    ['512 MiB', undefined],
    ['1 GiB', undefined],
    ['1.5', undefined],
    [0, undefined],
    [{ Ref: 'TaskMemory' }, undefined],
    [null, undefined],
  ];
  for (const [value, expected] of cases) assert.equal(parseTaskMemoryMiB(value), expected, JSON.stringify(value));
});

test('platform versions: LATEST resolves per OS', () => {
  // fargate.json platformVersions: Linux LATEST → 1.4.0, Windows LATEST → 1.0.0.
  const cases: [string | undefined, Os, { version: string; known: boolean; status?: string }][] = [
    [undefined, 'linux', { version: '1.4.0', known: true, status: 'current' }],
    ['LATEST', 'linux', { version: '1.4.0', known: true, status: 'current' }],
    ['LATEST', 'windows', { version: '1.0.0', known: true, status: 'current' }],
    ['1.3.0', 'linux', { version: '1.3.0', known: true, status: 'available' }],
    ['1.0.0', 'linux', { version: '1.0.0', known: true, status: 'retired' }],
    ['1.3.0', 'windows', { version: '1.3.0', known: false }],
    ['9.9.9', 'linux', { version: '9.9.9', known: false }],
    ['latest', 'linux', { version: 'latest', known: false }],
  ];
  for (const [version, os, expected] of cases) {
    assert.deepEqual(resolveFargatePlatformVersion(version, os), expected, `${version} ${os}`);
  }
});

test('version comparison', () => {
  const cases: [string, string, -1 | 0 | 1 | undefined][] = [
    ['1.4.0', '1.3.0', 1],
    ['1.3.0', '1.4.0', -1],
    ['1.4', '1.4.0', 0],
    ['1.99.1', '1.99.1', 0],
    ['1.100.0', '1.99.1', 1],
    ['v1.99.0', '1.99.1', -1],
    ['LATEST', '1.4.0', undefined],
    ['', '1.0.0', undefined],
  ];
  for (const [a, b, expected] of cases) assert.equal(compareVersions(a, b), expected, `${a} vs ${b}`);
  assert.equal(atLeastPlatform('1.3.0', '1.4.0', 'linux'), false);
  assert.equal(atLeastPlatform('LATEST', '1.4.0', 'linux'), true);
  assert.equal(atLeastPlatform(undefined, '1.4.0', 'linux'), true);
  assert.equal(atLeastPlatform('${Version}', '1.4.0', 'linux'), undefined);
});
