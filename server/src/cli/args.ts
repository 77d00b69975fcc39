// Command-line parsing for every ecs-net command: node's parseArgs splits the arguments, and the
// problems it finds are put in our own words, one style for all commands.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closestMatches } from '../core/suggest';
import type { Output } from './output';

/** The exit code for bad usage or a bad value, shared by every command. */
export const EXIT_USAGE = 2;

/** A problem with the command line, reported as one line with a pointer to the command's help. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** The option values parseArgs types for these options (strict parsing). */
export type OptionValues<T extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: boolean }>>['values'];

export type ParsedCommand<T extends Options> =
  { readonly help: true } | { readonly help: false; readonly values: OptionValues<T>; readonly positionals: string[] };

/**
 * Parses a command's `argv` against its `options` (each command has `help`/`-h`). Throws a
 * UsageError for an unknown option (with the nearest known one), a missing value, a value given
 * to a switch, or a positional argument where the command takes none. Asking for help wins over
 * every other problem, so `--help` always shows the help.
 */
export function parseCommand<T extends Options>(argv: readonly string[], options: T, allowPositionals: boolean): ParsedCommand<T> {
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const problems: string[] = [];
  let help = false;
  for (const token of tokens) {
    if (token.kind === 'positional') {
      if (!allowPositionals) problems.push(`unexpected argument '${token.value}'`);
      continue;
    }
    if (token.kind !== 'option') continue;
    // Own keys only: `--constructor` is not an option because every object has one.
    const spec = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (token.name === 'help' && spec) help = true;
    if (!spec) {
      const [near] = closestMatches(token.name, Object.keys(options), 1);
      problems.push(`unknown option '${token.rawName}'${near ? `; did you mean --${near}?` : ''}`);
    } else if (spec.type === 'boolean' && token.inlineValue) {
      problems.push(`--${token.name} takes no value`);
    } else if (spec.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.length > 1 && token.value.startsWith('-')))) {
      // `--region --profile x`: the next word is an option, so the value is missing.
      problems.push(`--${token.name} needs a value`);
    }
  }
  if (!help && problems.length) throw new UsageError(problems[0]);
  if (help) return { help: true };
  try {
    const parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals });
    return { help: false, values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    // Anything the checks above let through is still a usage error, in parseArgs' own words.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Reads a command's options with `read` (undefined when help was asked for). Returns them, or the
 * exit code once the help or a usage error has been written.
 */
export function commandOptions<T>(out: Output, command: string, usage: string, read: () => T | undefined): T | number {
  let options: T | undefined;
  try {
    options = read();
  } catch (error) {
    if (error instanceof UsageError) return reportUsageError(out, command, error.message);
    throw error;
  }
  if (options !== undefined) return options;
  out.stdout(usage);
  return 0;
}

/** Writes `ecs-net <command>: <problem>` and where to read more, as one line; returns the usage exit code. */
export function reportUsageError(out: Output, command: string, problem: string): number {
  const sentence = /[.?!]$/.test(problem) ? problem : `${problem}.`;
  const hint = command ? `Run 'ecs-net help ${command}'.` : `Run 'ecs-net --help'.`;
  out.stderr(`ecs-net${command ? ` ${command}` : ''}: ${sentence} ${hint}`);
  return EXIT_USAGE;
}
