// What is written to the audit log, and by default to the history and the
// stored outputs, must not carry secrets: commands and
// details often hold tokens (`curl -H "Authorization: Bearer ..."`,
// `OPENAI_API_KEY=sk-...`, a pasted private key). Masking happens before the
// row is hashed, so the chain vouches for the masked text.

export const MASK = '***';

/** Member names whose values are secrets whatever they look like. */
const secretKey = /pass(word|wd|phrase)?$|^pwd$|secret|token|api[-_]?key|apikey|authorization|private[-_]?key|credential|cookie|session[-_]?key/i;

const patterns: { re: RegExp; replace: string | ((...m: string[]) => string) }[] = [
  // PEM private-key blocks, whole.
  { re: /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?(-----END \1PRIVATE KEY-----|$)/g, replace: `-----BEGIN PRIVATE KEY-----${MASK}-----END PRIVATE KEY-----` },
  // Authorization headers: scheme kept, credentials masked.
  { re: /\b(authorization\s*[:=]\s*)(bearer|basic|token|digest)?\s*[^\s"',;]+/gi, replace: (_m, head: string, scheme?: string) => `${head}${scheme ? scheme + ' ' : ''}${MASK}` },
  { re: /\b(bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi, replace: (_m, head: string) => head + MASK },
  // NAME=value where NAME says secret (OPENAI_API_KEY=..., DB_PASSWORD=..., --password=...).
  { re: /\b([A-Za-z0-9_.-]*(?:api[-_]?key|apikey|token|secret|passw(?:or)?d|pwd|credentials?|private[-_]?key)[A-Za-z0-9_]*)(\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s"'&;|]+)/gi, replace: (_m, name: string, eq: string) => `${name}${eq}${MASK}` },
  // --password VALUE / -p VALUE style flags.
  { re: /(--(?:password|passwd|token|api-key|secret)\s+)("[^"]*"|'[^']*'|\S+)/gi, replace: (_m, flag: string) => flag + MASK },
  // Well-known token shapes.
  { re: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{16,}/g, replace: `sk-${MASK}` },
  { re: /\bpl[ds]_[A-Za-z0-9_-]{20,}/g, replace: (m) => m.slice(0, 4) + MASK },
  { re: /\bgh[pousr]_[A-Za-z0-9]{20,}/g, replace: `gh_${MASK}` },
  { re: /\bgithub_pat_[A-Za-z0-9_]{20,}/g, replace: `github_pat_${MASK}` },
  { re: /\bxox[abprs]-[A-Za-z0-9-]{10,}/g, replace: `xox-${MASK}` },
  { re: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/g, replace: `AKIA${MASK}` },
  { re: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, replace: `jwt:${MASK}` },
  // user:password@ in URLs.
  { re: /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi, replace: (_m, head: string) => `${head}${MASK}@` },
];

/**
 * Secret values Paladin itself knows (the OpenAI key from the environment or
 * the editor's secret storage): masked wherever they appear, whatever their
 * shape, since a key for an OpenAI-compatible server need not look like sk-...
 */
const knownSecrets = new Set<string>();

export function registerSecret(value: string | undefined): void {
  const v = value?.trim();
  if (v && v.length >= 8) knownSecrets.add(v);
}

registerSecret(process.env.OPENAI_API_KEY);

export function maskString(text: string): string {
  let out = text;
  for (const secret of knownSecrets) if (out.includes(secret)) out = out.split(secret).join(MASK);
  for (const { re, replace } of patterns) out = out.replace(re, replace as (substring: string, ...args: string[]) => string);
  return out;
}

/**
 * Run output masked as it is stored. Decoded as latin1, so every byte maps to
 * one character and back: bytes around a secret (binary, UTF-8) are kept as
 * they were.
 */
export function maskBytes(data: Buffer): Buffer {
  const text = data.toString('latin1');
  const masked = maskString(text);
  return masked === text ? data : Buffer.from(masked, 'latin1');
}

/** A deep copy of `value` with secret-looking members and substrings masked. */
export function maskSecrets<T>(value: T, depth = 0): T {
  if (depth > 32) return MASK as T;
  if (typeof value === 'string') return maskString(value) as T;
  if (Array.isArray(value)) return value.map((v) => maskSecrets(v, depth + 1)) as T;
  if (value && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      // defineProperty: a member named __proto__ stays a member and never becomes the copy's prototype.
      Object.defineProperty(out, k, { enumerable: true, writable: true, configurable: true, value: secretKey.test(k) && v !== null && v !== undefined && v !== '' && typeof v !== 'boolean' ? MASK : maskSecrets(v, depth + 1) });
    }
    return out as T;
  }
  return value;
}
