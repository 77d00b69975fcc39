/**
 * Turns whatever the AWS SDK threw into one line saying what went wrong and what to do about it.
 * Matched on error names and codes (stable across SDK versions), never on stack traces.
 */
import { AwsCallError } from './env-pull-aws';

export interface ErrorContext {
  region?: string;
  endpoint?: string;
  cluster?: string;
  profile?: string;
}

const CREDENTIALS_MISSING = new Set(['CredentialsProviderError', 'TokenProviderError']);
const CREDENTIALS_REJECTED = new Set([
  'AuthFailure',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'ExpiredTokenException',
  'RequestExpired',
]);
const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnauthorizedException']);
const THROTTLED = new Set(['ThrottlingException', 'Throttling', 'RequestLimitExceeded', 'TooManyRequestsException', 'RequestThrottled']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED', 'EPIPE']);

interface ErrorFacts {
  name: string;
  code: string;
  message: string;
}

function facts(error: unknown): ErrorFacts {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown;
    code?: unknown;
    Code?: unknown;
    message?: unknown;
    errors?: unknown;
  };
  let code = typeof e.code === 'string' ? e.code : typeof e.Code === 'string' ? e.Code : '';
  // Node's happy-eyeballs connect reports an AggregateError whose parts carry the codes.
  if (!code && Array.isArray(e.errors)) code = e.errors.map((inner) => facts(inner).code).find((c) => c) ?? '';
  const message = typeof e.message === 'string' ? e.message.split('\n')[0].trim() : String(error);
  return { name: typeof e.name === 'string' ? e.name : '', code, message };
}

const has = (set: ReadonlySet<string>, f: ErrorFacts) => set.has(f.name) || set.has(f.code);

/** One line for stderr, without the `ecs-net env pull:` prefix. */
export function describePullError(error: unknown, context: ErrorContext): string {
  const action = error instanceof AwsCallError ? error.action : undefined;
  const f = facts(error instanceof AwsCallError ? error.error : error);
  const where = context.endpoint ?? `AWS in ${context.region ?? 'the chosen region'}`;

  if (has(CREDENTIALS_MISSING, f) || /could not load credentials|profile .* could not be found/i.test(f.message)) {
    const profile = context.profile ? ` for profile '${context.profile}'` : '';
    return `no AWS credentials found${profile} (${f.message}). Run 'aws configure' or 'aws sso login', pass --profile, or set AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.`;
  }
  if (/region is missing/i.test(f.message)) {
    return `no AWS region: pass --region, set AWS_REGION, or set a region in the profile.`;
  }
  if (has(CREDENTIALS_REJECTED, f)) {
    return `AWS rejected the credentials (${f.name || f.code}: ${f.message}). Refresh them ('aws sso login' or new access keys) or choose another --profile.`;
  }
  if (has(ACCESS_DENIED, f)) {
    const permission = action ?? 'the read-only permissions listed in the README';
    return `access denied${action ? ` for ${action}` : ''} (${f.name || f.code}). Allow ${permission} in the IAM policy of the identity you use; the pull needs only read-only actions.`;
  }
  if (has(THROTTLED, f)) {
    return `AWS throttled ${action ?? 'the request'} (${f.name || f.code}) even after the SDK's retries. Try again later.`;
  }
  if (f.name === 'ClusterNotFoundException' || f.code === 'ClusterNotFoundException') {
    return `cluster '${context.cluster ?? ''}' not found in ${context.region ?? 'this region'}. Check --cluster and --region ('aws ecs list-clusters').`;
  }
  if (/^InvalidSubnetID\./.test(f.name || f.code)) {
    return `${f.message}. Check --subnets and --region.`;
  }
  if (has(NETWORK_CODES, f) || f.name === 'TimeoutError' || /socket timed out|connect ETIMEDOUT|getaddrinfo/i.test(f.message)) {
    const reason = f.code || f.name || 'no answer';
    return `cannot reach ${where} (${reason}${action ? ` on ${action}` : ''}): network problem or endpoint unreachable. Check your network, proxy, --region and --endpoint-url.`;
  }
  const what = action ? `${action} failed` : 'the pull failed';
  return `${what}: ${f.name && f.name !== 'Error' ? `${f.name}: ` : ''}${f.message}`;
}
