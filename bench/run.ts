/**
 * Runs every benchmark in one process and prints where it ran.
 *   npm run bench
 */
import { cpus, loadavg } from 'node:os';
import * as placement from './placement';
import * as validation from './validation';
import * as yaml from './yaml';
import * as workspace from './workspace';
import * as lsp from './lsp';
import * as peers from './peers';
import * as terraform from './terraform';

export async function main(): Promise<{
  placement: placement.PlacementBenchResult;
  validation: validation.ValidationBenchResult;
  yaml: yaml.YamlBenchResult;
  workspace: Record<string, number>;
  lsp: Record<string, unknown>;
  peers: Record<string, unknown>;
  terraform: terraform.TerraformBenchResult;
}> {
  const cores = cpus();
  console.log('ECS Task Networking benchmarks');
  console.log(`  node ${process.version} on ${process.platform}/${process.arch}`);
  console.log(`  CPU  ${cores[0]?.model ?? 'unknown'} (${cores.length} logical cores)`);
  console.log(`  date ${new Date().toISOString()}`);
  // Other work on the machine moves absolute times; the side-by-side ratios are what to compare.
  console.log(
    `  load average at start (1/5/15 min) ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}`,
  );
  console.log('');
  console.log('== placement ==');
  const placementFigures = placement.main();
  console.log('');
  console.log('== validation ==');
  const validationFigures = await validation.main();
  console.log('');
  console.log('== yaml ==');
  const yamlFigures = yaml.main();
  console.log('');
  console.log('== workspace ==');
  const workspaceFigures = await workspace.main();
  console.log('');
  console.log('== lsp ==');
  const lspFigures = await lsp.main();
  console.log('');
  console.log('== peers ==');
  const peerFigures = await peers.main();
  console.log('');
  console.log('== terraform ==');
  const terraformFigures = await terraform.main();
  console.log('');
  console.log(
    `load average at end (1/5/15 min) ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}`,
  );
  return {
    placement: placementFigures,
    validation: validationFigures,
    yaml: yamlFigures,
    workspace: workspaceFigures,
    lsp: lspFigures,
    peers: peerFigures,
    terraform: terraformFigures,
  };
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
