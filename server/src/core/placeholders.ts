// Template values: deploy pipelines write ECS JSON as templates, and a value still holding a
// template variable is not known yet. Such a value is never an error or a warning: every reader
// treats it as "unknown" and the checks that depend on it stay silent.

/**
 * The template syntaxes seen in ECS files, anywhere in a string:
 * `${VAR}` (envsubst, shell, Terraform templatefile), `$VAR` (envsubst), `{{ … }}` (ecspresso, Go,
 * Jinja, Helm), `<NAME>` (CodeDeploy taskdef.json), `#{…}` (Octopus, Azure token replacement),
 * `%NAME%` (Windows and batch tools), `__NAME__` (token-replace tasks).
 */
const TEMPLATE_TOKENS: readonly RegExp[] = [
  /\$\{[^}]*\}/,
  /\$[A-Za-z_][A-Za-z0-9_]*/,
  /\{\{.*?\}\}/s,
  /<[A-Za-z0-9_.-]+>/,
  /#\{[^}]*\}/,
  /%[A-Za-z_][A-Za-z0-9_]*%/,
  /__[A-Z][A-Z0-9_]*__/,
];

/** A string that holds a template variable, as its whole value or embedded (`arn:aws:…:${ACCOUNT_ID}:…`). */
export function hasTemplateToken(text: string): boolean {
  // Every syntax needs one of these characters; most strings have none, and skip the patterns.
  if (!/[$<{#%_]/.test(text)) return false;
  return TEMPLATE_TOKENS.some((re) => re.test(text));
}

/**
 * Stand-ins that documentation and samples write where an id belongs: an ALL_CAPS_SNAKE token
 * (`PRIVATE_SUBNET_ONE`, `SECURITY_GROUP`) or an id whose tail is `EXAMPLE` (`sg-EXAMPLE`,
 * `subnet-0abc1234EXAMPLE`, an ARN ending in `…/EXAMPLE`). No real subnet, security group or ARN
 * is written in capitals, so neither can be a real id. Anything else malformed stays an error.
 */
export function isIdStandIn(text: string): boolean {
  return /^[A-Z][A-Z0-9_]{2,}$/.test(text) || /EXAMPLE[0-9]*$/.test(text);
}

/** Where an id is expected: a template variable or a documentation stand-in. */
export function isIdPlaceholder(text: string): boolean {
  return hasTemplateToken(text) || isIdStandIn(text);
}
