// Secrets never leave the machine: before a prompt goes to a model that is
// not on this host, anything that looks like a key, token, password or
// private key is replaced by a marker.

const patterns: [RegExp, string][] = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g, '[REDACTED PRIVATE KEY]'],
  [/\b(sk-(?:proj-|ant-)?[A-Za-z0-9_-]{16,})\b/g, '[REDACTED KEY]'],
  [/\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g, '[REDACTED TOKEN]'],
  [/\b(xox[abprs]-[A-Za-z0-9-]{10,})\b/g, '[REDACTED TOKEN]'],
  [/\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, '[REDACTED KEY]'],
  [/\bAIza[0-9A-Za-z_-]{35}\b/g, '[REDACTED KEY]'],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b/g, '[REDACTED TOKEN]'],
  [/\b(bearer|token|basic)\s+[A-Za-z0-9._~+/=-]{12,}/gi, '$1 [REDACTED]'],
  // user:password@ in URLs
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi, '$1[REDACTED]@'],
];

// NAME=value, NAME: value, --password value where NAME sounds secret; quoted values may hold spaces.
const secretName = /([A-Za-z0-9_.-]*(?:pass(?:word|wd)?|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|credential|auth)[A-Za-z0-9_.-]*)(\s*[=:]\s*|\s+)(?:"([^"\n]{3,})"|'([^'\n]{3,})'|([^\s"']{3,}))/gi;

export function redactSecrets(text: string): string {
  let out = text;
  for (const [re, replacement] of patterns) out = out.replace(re, replacement);
  out = out.replace(secretName, (m, name: string, sep: string, dq?: string, sq?: string, bare?: string) => {
    const value = dq ?? sq ?? bare ?? '';
    if (value.startsWith('[REDACTED')) return m;
    // "password reset": a plain word after a plain name is not a value.
    if (/^\s+$/.test(sep) && !/^-/.test(name) && !/^[A-Z0-9_]+$/.test(name)) return m;
    const quote = dq !== undefined ? '"' : sq !== undefined ? "'" : '';
    return `${name}${sep}${quote}[REDACTED]${quote}`;
  });
  return out;
}

/** Loopback targets (127.0.0.0/8, ::1, localhost) are this machine; anything else is remote. */
export function isLoopback(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return false;
  }
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
