// "create symbolic links in /srv/links for all the .so files under lib",
// "make a symlink in the current directory for each .conf file under
// /etc/nginx": a link to each file a selection finds, made in one folder. The
// folder the links go in is no place to look in, so its words are taken out
// of what selects the files.

import type { RequestFacts } from './requestFacts';
import { shellValue, valueWord } from './findTests';
import type { EntryKind } from './entryKinds';
import { placeInWords } from './requestPlaces';
import { belowStart } from './compose';

export interface LinkAct {
  /** The folder the links are made in, as a shell word. */
  into: string;
  /** The words that say the links and where they go. */
  phrase: string;
}

const links = String.raw`\b(?:creat\w*|mak\w*|add\w*|put\w*)\s+(?:a\s+|an\s+)?(?:sym(?:bolic)?\s*-?links?|soft\s*-?links?)\s+(?:(?:in|into|inside|under)\s+(?:the\s+)?(?:target\s+)?(?:(?:directory|folder|dir)\s+)?)`;
const linked = new RegExp(String.raw`${links}(${valueWord}|[\w.-]+)`, 'i');

/** The links the request orders for each file it selects, or undefined when it orders none with a folder to put them in. */
export function linkAct(f: RequestFacts): LinkAct | undefined {
  const m = linked.exec(f.text);
  if (!m || !/\b(?:for|to)\s+(?:each|every|all|the|any)\b/i.test(f.text.slice(m.index + m[0].length))) return undefined;
  const place = placeInWords(f.text.slice(m.index + m[0].length - m[1].length));
  const phrase = place === undefined ? m[0] : `${m[0].slice(0, m[0].length - m[1].length)}${/^[^,;]*?(?:folder|directory|dir)\b/i.exec(f.text.slice(m.index + m[0].length - m[1].length))?.[0] ?? m[1]}`;
  if (place === undefined && /^(?:each|every|all|the|a|an|it|them)$/i.test(m[1])) return undefined;
  return { into: place ?? shellValue(m[1].replace(/\/+$/, '') || '/'), phrase };
}

/** `find` extended to link each file it finds into the folder: relative links when the files were found by a relative path. */
export function linkEach(find: string, s: { start: string; kind?: EntryKind }, into: string): string {
  const absolute = /^["']?(?:\/|~|\$)/.test(s.start);
  // The folder searched is not one of the things linked.
  return `${s.kind === 'f' ? find : belowStart(find)} -exec ln -s${absolute ? '' : 'r'} -t ${into} {} +`;
}
