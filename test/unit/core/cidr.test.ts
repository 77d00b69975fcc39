import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AWS_RESERVED_IPV4_PER_SUBNET,
  cidrContains,
  parseIpv6Cidr,
  parseIpv6SubnetCidr,
  parseSubnetCidr,
  usableIpv4ForPrefix,
} from '../../../server/src/core/cidr';

test('usable IPv4 per prefix: 2^(32−prefix) − 5', () => {
  // VPC user guide: AWS reserves 5 addresses per subnet; /28 → 11, /20 → 4,091.
  assert.equal(AWS_RESERVED_IPV4_PER_SUBNET, 5);
  const cases: [number, number][] = [
    [16, 65531],
    [20, 4091],
    [24, 251],
    [28, 11],
    [31, 0],
    [-1, 0],
    [33, 0],
    [20.5, 0],
  ];
  for (const [prefix, usable] of cases) assert.equal(usableIpv4ForPrefix(prefix), usable, String(prefix));
});

test('valid AWS subnet CIDRs', () => {
  const cases: [string, string, number, number, number][] = [
    ['10.0.0.0/20', '10.0.0.0/20', 20, 4096, 4091],
    ['10.0.0.0/16', '10.0.0.0/16', 16, 65536, 65531],
    ['10.0.0.16/28', '10.0.0.16/28', 28, 16, 11],
    [' 172.31.16.0/20 ', '172.31.16.0/20', 20, 4096, 4091],
  ];
  for (const [input, text, prefix, total, usable] of cases) {
    const r = parseSubnetCidr(input);
    assert.ok(r.ok, input);
    if (r.ok) assert.deepEqual([r.cidr.text, r.cidr.prefix, r.cidr.totalIpv4, r.cidr.usableIpv4], [text, prefix, total, usable], input);
  }
});

test('three /20 subnets hold 12,273 usable addresses', () => {
  const total = ['10.0.0.0/20', '10.0.16.0/20', '10.0.32.0/20'].reduce((sum, c) => {
    const r = parseSubnetCidr(c);
    assert.ok(r.ok);
    return sum + (r.ok ? r.cidr.usableIpv4 : 0);
  }, 0);
  assert.equal(total, 12273);
});

test('rejected subnet CIDRs, each with a one-line message', () => {
  const bad = [
    '10.0.0/20', // three octets
    '10.0.0.0/33',
    'abc',
    '10.0.0.0', // no prefix
    '10.0.0.0/',
    '10.0.0.0/29', // smaller than /28
    '10.0.0.0/15', // larger than /16
    '10.0.0.5/20', // host bits
    '010.0.0.0/20',
    '256.0.0.0/16',
    '2600:1f18::/64', // IPv6 where IPv4 is expected
    '',
    '10.0.0.0/20/1',
  ];
  for (const input of bad) {
    const r = parseSubnetCidr(input);
    assert.equal(r.ok, false, input);
    if (!r.ok) assert.ok(r.message.length > 0 && !r.message.includes('\n'), input);
  }
  const hostBits = parseSubnetCidr('10.0.0.5/20');
  assert.ok(!hostBits.ok && hostBits.message.includes('10.0.0.0/20'));
  const range = parseSubnetCidr('10.0.0.0/29');
  assert.ok(!range.ok && range.message.includes('/16') && range.message.includes('/28'));
});

test('non-string input does not throw', () => {
  for (const value of [undefined, null, 42, {}]) {
    assert.equal(parseSubnetCidr(value as unknown as string).ok, false);
    assert.equal(parseIpv6Cidr(value as unknown as string).ok, false);
    assert.equal(cidrContains(value as unknown as string, '10.0.0.0/20'), undefined);
  }
});

test('cidrContains: a subnet inside its VPC range', () => {
  const cases: [string, string, boolean | undefined][] = [
    ['10.0.0.0/16', '10.0.16.0/20', true],
    ['10.0.0.0/16', '10.0.0.0/16', true],
    ['10.0.0.0/16', '10.1.0.0/20', false],
    ['10.0.16.0/20', '10.0.0.0/16', false], // outer smaller than inner
    ['172.31.0.0/16', '172.31.255.240/28', true],
    ['10.0.0.0/16', 'nonsense', undefined],
  ];
  for (const [outer, inner, expected] of cases) assert.equal(cidrContains(outer, inner), expected, `${outer} ⊇ ${inner}`);
});

test('IPv6: subnets are /64, VPC blocks may be shorter', () => {
  // VPC user guide: a subnet's IPv6 block is /64.
  const subnet = parseIpv6SubnetCidr('2600:1f18:abcd:1200::/64');
  assert.ok(subnet.ok && subnet.cidr.prefix === 64 && subnet.cidr.text === '2600:1f18:abcd:1200::/64');
  assert.equal(parseIpv6SubnetCidr('2600:1f18:abcd:1200::/56').ok, false);
  assert.equal(parseIpv6Cidr('2600:1f18:abcd:1200::/56').ok, true);
  assert.equal(parseIpv6Cidr('2600:1f18:abcd:1200::/44').ok, false, 'host bits set at /44');
  assert.equal(parseIpv6Cidr('2600:1f18:abc0::/44').ok, true);
  for (const bad of ['2600:1f18::1/64', '2600:1f18::/65', '2600:1f18::/129', 'gg::/64', '2600:1f18::', '10.0.0.0/16', '']) {
    assert.equal(parseIpv6Cidr(bad).ok, false, bad);
  }
});
