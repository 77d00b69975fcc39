/**
 * The YAML documents the benchmarks check: the generated CloudFormation templates of
 * bench/documents.ts written the way people write YAML templates (block style, short-form
 * intrinsic tags), and a ~3 KB template grown from examples/cloudformation/web-service.yaml.
 * Deterministic, like the JSON ones.
 */
import { readFileSync } from 'node:fs';
import { Document, isScalar, isSeq, parseDocument, Scalar, visit, type Node as YamlNode } from 'yaml';
import { SHORT_FORM_TAGS } from '../server/src/model/cfnTags';
import { cloudFormationTemplateText, repoFile, TASK_DEFINITION_TARGET_BYTES, type GeneratedTemplate } from './documents';

const TAG_OF: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(SHORT_FORM_TAGS).map(([tag, long]) => [long, tag]));

/**
 * A JSON-shaped template as block-style YAML, each one-key intrinsic map (`{ "Ref": "X" }`)
 * written as its short-form tag (`!Ref X`), and `Fn::GetAtt` lists in the dotted form.
 */
export function cloudFormationYaml(value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    Map(_, map) {
      if (map.items.length !== 1) return undefined;
      const [pair] = map.items;
      const tag = isScalar(pair.key) ? TAG_OF[String(pair.key.value)] : undefined;
      const inner = pair.value as YamlNode | null;
      if (!tag || !inner) return undefined;
      if (tag === '!GetAtt' && isSeq(inner) && inner.items.every(isScalar)) {
        const dotted = new Scalar(inner.items.map((i) => String((i as Scalar).value)).join('.'));
        dotted.tag = tag;
        return dotted;
      }
      inner.tag = tag;
      return inner;
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/** The generated template of `trios` trios, as YAML; the planted mistakes are the JSON one's. */
export function cloudFormationTemplateYaml(trios: number): GeneratedTemplate {
  const json = cloudFormationTemplateText(trios);
  return { ...json, text: cloudFormationYaml(JSON.parse(json.text)) };
}

/** The trio count whose YAML template is closest to `bytes` (the YAML is denser than the JSON: about 6.2 KB a trio). */
export function triosForYamlBytes(bytes: number): number {
  const probe = 100;
  const perTrio = Buffer.byteLength(cloudFormationTemplateYaml(probe).text) / probe;
  return Math.round(bytes / perTrio);
}

// Settings a web service commonly carries; added in order until the template reaches its size.
const TOP_UP_ENVIRONMENT: readonly (readonly [string, string])[] = [
  ['NGINX_PORT', '80'],
  ['NGINX_WORKER_PROCESSES', 'auto'],
  ['NGINX_WORKER_CONNECTIONS', '1024'],
  ['NGINX_KEEPALIVE_TIMEOUT', '65'],
  ['NGINX_CLIENT_MAX_BODY_SIZE', '10m'],
  ['UPSTREAM_API_URL', 'http://api.internal:8080'],
  ['CACHE_CONTROL_MAX_AGE', '300'],
  ['GZIP_ENABLED', 'true'],
  ['LOG_FORMAT', 'json'],
  ['LOG_LEVEL', 'info'],
  ['TRACING_ENDPOINT', 'http://localhost:4317'],
  ['TRACING_SAMPLE_RATIO', '0.05'],
  ['SHUTDOWN_GRACE_SECONDS', '25'],
  ['FEATURE_NEW_CHECKOUT', 'false'],
  ['FEATURE_DARK_MODE', 'true'],
  ['STATIC_ASSETS_BUCKET', 'web-static-assets-eu-west-1'],
  ['CDN_HOSTNAME', 'cdn.example.com'],
  ['SESSION_COOKIE_NAME', 'web_session'],
  ['SESSION_TTL_SECONDS', '3600'],
  ['RATE_LIMIT_PER_MINUTE', '1200'],
  ['HEALTH_CHECK_PATH', '/'],
  ['READINESS_PATH', '/ready'],
  ['METRICS_PORT', '9113'],
  ['METRICS_PATH', '/metrics'],
  ['TIMEZONE', 'UTC'],
  ['LOCALE', 'en_GB'],
  ['SUPPORT_EMAIL', 'support@example.com'],
  ['MAINTENANCE_MODE', 'false'],
  ['BUILD_CHANNEL', 'stable'],
  ['ERROR_PAGE_PATH', '/errors/500.html'],
];

/**
 * examples/cloudformation/web-service.yaml (comments, short-form tags and all) with environment
 * variables added to its container until it reaches 3 KB: the small YAML document of the benchmark.
 */
export function webServiceYamlText(): string {
  const doc = parseDocument(readFileSync(repoFile('examples', 'cloudformation', 'web-service.yaml'), 'utf8'));
  const path = ['Resources', 'WebTaskDefinition', 'Properties', 'ContainerDefinitions', 0, 'Environment'];
  const environment: { Name: string; Value: string }[] = [];
  for (const [name, value] of TOP_UP_ENVIRONMENT) {
    if (Buffer.byteLength(doc.toString()) >= TASK_DEFINITION_TARGET_BYTES) break;
    environment.push({ Name: name, Value: value });
    doc.setIn(path, doc.createNode(environment));
  }
  return doc.toString();
}
