// "join a.txt and b.txt into all.txt", "merge a.txt, b.txt and c.txt into
// the merged folder", "append notes.txt to log.txt": files joined into one
// place. A plan for it reads the files it joins and writes the place alone:
// one that writes, moves, deletes or touches a file it joins (`mv a.txt
// b.txt merged`, `touch a.txt b.txt`, `echo … | tee -a a.txt`), or writes
// a file the request never names (`cat a.txt b.txt > one` for "into one
// file", `tar -xf one …`, a placeholder's file), does something else. With
// no place named, nothing may be written.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CommandFact } from '../policy/factsTypes';
import type { Intent } from './intent';
import { barePath } from './barePath';
import { namesIn, RUN_JOINER } from './namedList';

const JOIN_VERB = /\b(?:join|concatenate|concat|combine|glue|stitch|merge|append|tack)\b/;
// Between the last file joined and the place: "into", "in", "to", "onto", "as", "called" or "named", and up to four words ("the archive", "the end of", "a new file called").
const BEFORE_PLACE = /\b(?:into|in|to|onto|as|called|named)(?:\s+[\w-]+){0,4}?\s*$/;
// Programs that change the files they are given, though the policy's facts list no write for some of them.
const CHANGERS = /^(?:touch|chown|chgrp|chmod|mv|rm|truncate|shred|sed|perl|tee)$/;

function inWorkspace(workspace: string, name: string): boolean {
  if (name.split('/').includes('..') || path.isAbsolute(name)) return false;
  try {
    fs.statSync(path.resolve(workspace, name));
    return true;
  } catch {
    return false;
  }
}

/** The files a join request joins, and the place it names (undefined when none). */
export function joinedNames(words: string, workspace: string): { sources: string[]; place?: string } | undefined {
  const verb = JOIN_VERB.exec(words);
  if (!verb) return undefined;
  const after = words.slice(verb.index);
  const named = namesIn(after, (n) => inWorkspace(workspace, barePath(n)) || /\.[a-z]\w{0,7}$/i.test(n));
  // One name is the place of text added ("append 'done' to todo.txt", "append them to all.txt"), no join of files.
  if (named.length < 2) return undefined;
  const last = named[named.length - 1];
  const before = after.slice(named[named.length - 2].end, last.at);
  // "a.txt, b.txt as well as c.txt": a name joined to the run is one of the files, not the place.
  const placed = BEFORE_PLACE.test(before) && !new RegExp(`^${RUN_JOINER}$`, 'i').test(before);
  const sources = (placed ? named.slice(0, -1) : named).map((n) => barePath(n.value).toLowerCase());
  return { sources, place: placed ? barePath(last.value).toLowerCase() : undefined };
}

/** Every way a plan for joining files writes elsewhere than the place, or changes a file it joins; empty when none. */
export function joinWritesElsewhere(intent: Intent, commands: CommandFact[], workspace: string | undefined): string[] {
  if (!workspace) return [];
  const join = joinedNames(intent.words, workspace);
  if (!join || join.sources.length === 0) return [];
  const rel = (p: string) => barePath(path.relative(workspace, path.resolve(workspace, barePath(p)))).toLowerCase() || '.';
  const changed = commands.flatMap((c) => [...c.writes, ...c.deletes].map((p) => p.path).filter((p) => !p.startsWith('/dev/')).map(rel));
  const touched = commands.filter((c) => CHANGERS.test(c.program)).flatMap((c) => c.positionals.map(rel));
  const source = [...changed, ...touched].find((p) => join.sources.includes(p));
  if (source) return [`it changes ${source}, one of the files the request joins`];
  const place = join.place;
  const stray = changed.find((p) => p !== '.git' && !p.startsWith('.git/') && !(place && (p === place || p.startsWith(`${place}/`))));
  if (stray) return [place ? `it writes ${stray}, but the request joins the files into ${place}` : `it writes ${stray}, a file the request does not name`];
  return [];
}
