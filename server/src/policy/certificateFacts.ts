// `openssl x509 -in cert.pem`: openssl's certificate commands load only a
// certificate from their input and refuse anything else, so a `.pem` file of the
// workspace read that way shows no key. Key options (-signkey, -CAkey, -key) still do.

import type { CommandFact } from './factsTypes';

const CERTIFICATE_COMMANDS = new Set(['x509', 'crl', 'verify']);
const KEY_OPTIONS = new Set(['-signkey', '-CAkey', '-key', '-inkey', '-passin', '-pass']);

export function certificateReads(fact: CommandFact): void {
  if (fact.program !== 'openssl') return;
  const sub = fact.args.find((a) => !a.startsWith('-'));
  if (!sub || !CERTIFICATE_COMMANDS.has(sub)) return;
  const keys = new Set(fact.args.filter((_, i) => KEY_OPTIONS.has(fact.args[i - 1] ?? '')));
  for (const p of fact.reads) {
    if (!p.classes.includes('workspace') || keys.has(p.path) || p.dynamic || p.glob) continue;
    if (/\.(pem|crt|cer|der)$/i.test(p.path)) p.classes = p.classes.filter((c) => c !== 'secret');
  }
  // Printing or checking a certificate, writing nothing and signing nothing, only looks.
  if (fact.writes.length === 0 && !fact.args.some((a) => WRITING_OPTIONS.has(a)) && !fact.tool) fact.tool = { family: 'openssl', action: 'read', effect: `prints or checks a certificate (openssl ${sub})` };
}

const WRITING_OPTIONS = new Set(['-out', '-signkey', '-CAkey', '-key', '-req', '-engine', '-set_serial', '-extfile', '-CAcreateserial', '-ocsp_uri', '-url']);
