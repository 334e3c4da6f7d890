// Programs that rewrite the files they are given in place, with no `-i` or
// `-w` to say so: line-ending converters (dos2unix), recode, image and code
// tidiers, patch, renamers, and tools that set a file's extended attributes.
// What they write is a write, however plain the command looks.

import { beforeEnd, literal, optionValue } from '../shell/argWords';
import { DYNAMIC, type WordValue } from '../shell/words';
import type { ProgramArgs } from './programArgs';

/** Every file named is rewritten. */
const REWRITE_ALL = new Set(['dos2unix', 'unix2dos', 'mac2unix', 'unix2mac', 'tofrodos', 'fromdos', 'todos', 'mogrify', 'indent', 'optipng', 'jpegoptim', 'exiftool']);
/** The first word is a request or an expression (`recode latin1..utf8 f`, `rename 's/a/b/' *`); the files after it change. */
const REWRITE_AFTER_FIRST = new Set(['recode', 'rename', 'prename', 'file-rename', 'perl-rename']);
/** Extended attributes set or removed on the files named. */
const ATTRIBUTE_SETTERS = new Set(['setfattr', 'xattr', 'attr']);

export const IN_PLACE_REWRITERS = new Set([...REWRITE_ALL, ...REWRITE_AFTER_FIRST, ...ATTRIBUTE_SETTERS, 'patch']);

export function rewriter(d: ProgramArgs): void {
  const { prog, positionals, writes, deletes, args } = d;
  if (REWRITE_ALL.has(prog)) writes(positionals);
  else if (prog === 'recode') writes(positionals.slice(1));
  else if (REWRITE_AFTER_FIRST.has(prog)) {
    // A rename takes each file away and makes one of a name only known when it runs.
    deletes(positionals.slice(1));
    if (positionals.length > 1) writes([unknownName(positionals[1])]);
  } else if (prog === 'xattr') {
    // xattr -w NAME VALUE FILE, -d NAME FILE, -c FILE; with none of them it only lists.
    if (d.has('w')) writes(positionals.slice(2));
    else if (d.has('d')) writes(positionals.slice(1));
    else if (d.has('c')) writes(positionals);
  } else if (ATTRIBUTE_SETTERS.has(prog)) {
    // attr -g and -l only read; -s and -r set and remove.
    if (prog === 'attr' && !d.has('s', 'r')) return;
    const values = optionValue(beforeEnd(args), ['-n', '-v', '-x', '-s', '-V', '-r', '-g'], ['--name', '--value', '--remove', '--restore']);
    writes(positionals.filter((v) => !values.includes(v)));
  } else patch(d);
}

/** patch ORIGINAL [PATCHFILE], `-o OUT`, or the files the patch itself names (only known when it runs). */
function patch(d: ProgramArgs): void {
  const { args, positionals, reads, writes, has } = d;
  if (has('dry-run', 'check')) return;
  const options = beforeEnd(args);
  const out = optionValue(options, ['-o'], ['--output']);
  const input = optionValue(options, ['-i'], ['--input']);
  const values = [...optionValue(options, ['-p', '-d', '-D', '-r', '-B', '-z', '-V', '-F', '-Y', '-g'], ['--strip', '--directory', '--ifdef', '--reject-file', '--prefix', '--suffix', '--version-control', '--fuzz', '--basename-prefix', '--get']), ...out, ...input];
  const named = positionals.filter((v) => !values.includes(v));
  reads([...input, ...named.slice(1)]);
  if (out.length > 0) writes(out);
  else if (named.length > 0 && !has('d', 'directory')) writes([named[0]]);
  else writes([unknownName(undefined)]);
}

/** A file beside `near` (or anywhere) whose name is only known when the command runs. */
function unknownName(near: WordValue | undefined): WordValue {
  const base = near && !near.dynamic ? near.text.replace(/[^/]*$/, '') : '';
  return { ...literal(base + DYNAMIC), dynamic: true, glob: false };
}
