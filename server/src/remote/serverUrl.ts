// `paladin.server.url`: the team server the editor's plan, check, explain,
// history and audit requests go to. A key travels with every request, so
// only https:// is accepted, except plain http:// to this machine's loopback.

export type ServerUrl = { ok: true; url: string; host: string } | { ok: false; reason: string };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The base URL without a trailing slash, or why it cannot be used. */
export function parseServerUrl(value: string): ServerUrl {
  const raw = value.trim();
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: `"paladin.server.url" is not a URL: ${JSON.stringify(raw)}. Give the team server's address, e.g. https://paladin.example.org, or leave it empty to work locally.` };
  }
  if (url.username || url.password) return { ok: false, reason: '"paladin.server.url" must not hold a user name or password: the key is kept in secret storage (run "Paladin: Set Team Server Key").' };
  if (url.search || url.hash) return { ok: false, reason: '"paladin.server.url" must not hold a query or fragment: give only the server\'s address, e.g. https://paladin.example.org.' };
  const loopback = LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
  if (url.protocol === 'http:' && !loopback) {
    return { ok: false, reason: `"paladin.server.url" is plain http:// to ${url.hostname}, which would send your key unencrypted over the network. Use https://${url.host}${url.pathname === '/' ? '' : url.pathname} (plain http:// is accepted only for 127.0.0.1 or localhost).` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: `"paladin.server.url" must start with https:// (not ${url.protocol}//).` };
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}`, host: url.host };
}
