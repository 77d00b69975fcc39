import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../../server/src/cli';
import { VERSION } from '../../../server/src/cli/output';

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => (stdout += s + '\n'), stderr: (s) => (stderr += s + '\n') });
  return { code, stdout, stderr };
}

test('--version prints the version alone on stdout', async () => {
  for (const flag of ['--version', '-v']) assert.deepEqual(await run(flag), { code: 0, stdout: `${VERSION}\n`, stderr: '' });
});

test('--help, -h and help print the overview on stdout and exit 0', async () => {
  for (const argv of [['--help'], ['-h'], ['help']]) {
    const r = await run(...argv);
    assert.equal(r.code, 0, argv.join(' '));
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^ecs-net \S+: /);
    for (const command of ['ecs-net check', 'ecs-net plan', 'ecs-net env pull', 'ecs-net help COMMAND', 'ecs-net --version'])
      assert.ok(r.stdout.includes(command), command);
  }
});

test("'help COMMAND' and 'COMMAND --help' print the same help", async () => {
  const cases: [string[], string[], RegExp][] = [
    [['help', 'check'], ['check', '--help'], /^Usage: ecs-net check /],
    [['help', 'plan'], ['plan', '-h'], /^Usage: ecs-net plan /],
    [['help', 'env', 'pull'], ['env', 'pull', '--help'], /^Usage: ecs-net env pull /],
  ];
  for (const [helpArgv, flagArgv, usage] of cases) {
    const viaHelp = await run(...helpArgv);
    const viaFlag = await run(...flagArgv);
    assert.equal(viaHelp.code, 0);
    assert.match(viaHelp.stdout, usage);
    assert.deepEqual(viaFlag, viaHelp, flagArgv.join(' '));
  }
});

test('--help wins over other problems on the same command line', async () => {
  const r = await run('plan', '--bogus', '--help');
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^Usage: ecs-net plan /);
});

test('every usage error is one line on stderr naming the command, with the way to its help; exit 2', async () => {
  const cases: [string[], RegExp][] = [
    [[], /^ecs-net: a command is needed: check, plan or env pull\. Run 'ecs-net --help'\.$/],
    [['chek'], /^ecs-net: unknown command 'chek'; did you mean 'check'\? Run 'ecs-net --help'\.$/],
    [['--verbose'], /^ecs-net: unknown option '--verbose'\. Run 'ecs-net --help'\.$/],
    [['plan', '--constructor'], /^ecs-net plan: unknown option '--constructor'.* Run 'ecs-net help plan'\.$/],
    [['help', 'deploy'], /^ecs-net: no help for 'deploy'.* Run 'ecs-net --help'\.$/],
    [['check', '--fromat', 'json', 'x.json'], /^ecs-net check: unknown option '--fromat'; did you mean --format\? Run 'ecs-net help check'\.$/],
    [['check', '--format', 'xml', 'x.json'], /^ecs-net check: --format takes text, json or sarif \(got 'xml'\)\. Run 'ecs-net help check'\.$/],
    [['check', '--max-warnings', '-1', 'x.json'], /^ecs-net check: --max-warnings needs a value\. Run 'ecs-net help check'\.$/],
    [['check', '--max-warnings', 'few', 'x.json'], /^ecs-net check: --max-warnings takes a whole number/],
    [['check', '--env'], /^ecs-net check: --env needs a value\. Run 'ecs-net help check'\.$/],
    [['check'], /^ecs-net check: no files given\. Run 'ecs-net help check'\.$/],
    [['plan', '--instance-type', 'c5.large', 'extra'], /^ecs-net plan: unexpected argument 'extra'\. Run 'ecs-net help plan'\.$/],
    [['plan', '--trunking=yes', '--instance-type', 'c5.large'], /^ecs-net plan: --trunking takes no value\. Run 'ecs-net help plan'\.$/],
    [['plan', '--instance-type', 'c5.lrge'], /^ecs-net plan: .*c5\.large.* Run 'ecs-net help plan'\.$/],
    [['env'], /^ecs-net env: a subcommand is needed: pull\. Run 'ecs-net help env'\.$/],
    [['env', 'push'], /^ecs-net env: unknown subcommand 'push'.* Run 'ecs-net help env'\.$/],
    [['env', 'pull', '--regoin', 'eu-west-1'], /^ecs-net env pull: unknown option '--regoin'; did you mean --region\? Run 'ecs-net help env pull'\.$/],
    [['env', 'pull', '--region', '--profile', 'p'], /^ecs-net env pull: --region needs a value\. Run 'ecs-net help env pull'\.$/],
  ];
  for (const [argv, message] of cases) {
    const r = await run(...argv);
    const label = argv.join(' ') || '(nothing)';
    assert.equal(r.code, 2, label);
    assert.equal(r.stdout, '', label);
    assert.equal(r.stderr.split('\n').length, 2, `one line: ${label}`);
    assert.match(r.stderr.trimEnd(), message, label);
  }
});

test("values after '--' are paths, not options", async () => {
  const r = await run('check', '--', '--not-an-option.json');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^ecs-net check: no such file, folder or match: --not-an-option\.json\./);
});
