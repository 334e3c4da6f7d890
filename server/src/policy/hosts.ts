// Cloud instance metadata services hand out credentials. Their addresses are
// recognised however they are written: dotted, one decimal number, hex,
// octal, mixed short forms (169.254.43518), IPv4-mapped IPv6, and by name.

const METADATA_V4 = new Set([0xa9fea9fe, 0x64646464 + 100 /* 100.100.100.200 */, 0xa9fea902 /* 169.254.170.2, ECS */, 0xa9fea97b /* 169.254.169.123 */]);
const METADATA_NAMES = /^(metadata(\.google\.internal|\.azure\.com|\.internal)?|instance-data(\.ec2\.internal)?|metadata\.packet\.net)\.?$/i;
const METADATA_V6 = ['fd00:ec2::254', 'fd00:ec2::23'];

/** inet_aton: one to four parts, each decimal, 0x-hex or 0-octal; the last part fills the rest. */
export function parseIPv4(host: string): number | undefined {
  const parts = host.split('.');
  if (parts.length < 1 || parts.length > 4 || parts.some((p) => p === '')) return undefined;
  const nums: number[] = [];
  for (const p of parts) {
    let n: number;
    if (/^0x[0-9a-f]*$/i.test(p)) n = parseInt(p.slice(2) || '0', 16);
    else if (/^0[0-7]*$/.test(p)) n = parseInt(p, 8);
    else if (/^[1-9][0-9]*$/.test(p)) n = parseInt(p, 10);
    else return undefined;
    nums.push(n);
  }
  const last = nums.pop()!;
  if (nums.some((n) => n > 255) || last >= 2 ** (8 * (4 - nums.length))) return undefined;
  let value = 0;
  nums.forEach((n, i) => (value += n * 2 ** (8 * (3 - i))));
  return value + last;
}

function hostOf(text: string): string {
  let t = text.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  t = t.replace(/^[^/@]*@/, '');
  if (t.startsWith('[')) return t.slice(1, t.indexOf(']') < 0 ? undefined : t.indexOf(']')).toLowerCase();
  return t.split(/[/:?#]/)[0].toLowerCase();
}

function mappedV4(host: string): number | undefined {
  const m = /^(?:0{0,4}:){0,5}:?ffff:(.+)$/i.exec(host) ?? /^::(.+\..+)$/.exec(host);
  if (!m) return undefined;
  if (m[1].includes('.')) return parseIPv4(m[1]);
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(m[1]);
  return hex ? parseInt(hex[1], 16) * 65536 + parseInt(hex[2], 16) : undefined;
}

/** Does any address-looking part of the text point at an instance metadata service? */
export function isMetadataAddress(text: string): boolean {
  if (!text || text.length > 4096) return false;
  // Every spelling above has a digit or one of these names: most words have neither.
  if (!/[0-9]|metadata|instance-data/i.test(text)) return false;
  for (const token of text.split(/[\s'"`,;()<>{}=]+/)) {
    if (token === '') continue;
    const host = hostOf(token);
    if (METADATA_NAMES.test(host) && (token.includes('://') || token.includes('/') || host.includes('.'))) return true;
    if (METADATA_V6.includes(host)) return true;
    const v4 = parseIPv4(host) ?? mappedV4(host);
    if (v4 !== undefined && METADATA_V4.has(v4) && (token.includes('://') || token.includes('/') || /[.:x]/i.test(host))) return true;
  }
  return false;
}
