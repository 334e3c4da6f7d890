// A narrow act answered with a wide one. "append notes.txt to todo.txt" packed
// as `tar -rf todo.txt notes.txt` writes tar records into a text file; "append
// 'done' to todo.txt" through `dd of=`, `sponge` or `cp /dev/stdin` empties it
// first; "delete the first line" as `sed -i '1,$d'` takes every line; "stop
// process 4242" as `kill -- -4242` stops its whole group. Each is held to the
// one file, line or process the request names, whoever planned it.

import type { CommandFact } from '../policy/factsTypes';
import type { Intent } from './intent';
import { archiveName } from './effectTerms';
import { programOf } from './selectionChecks';

const tarName = /\.(?:tar|tar\.\w+|tgz|tbz2?|txz)$/i;
const zipName = /\.(?:zip|jar|war|ear|apk|whl|xpi)$/i;

/** The file an archiver packs into, and whether that file's name says it is such an archive. */
function packedInto(c: CommandFact): { into: string; how: string; fits: boolean } | undefined {
  const program = programOf(c);
  const [first, second] = c.positionals;
  if (program === 'tar' && c.flags.some((f) => /^(?:r|u|A|append|update|catenate|concatenate)$/.test(f))) {
    const into = c.writes[0]?.path ?? '';
    return into ? { into, how: 'tar -r', fits: tarName.test(into) } : undefined;
  }
  // zip names an archive with no suffix x.zip itself; one with another suffix is packed as it is named.
  if (program === 'zip' && first && /\.\w+$/.test(first)) return { into: first, how: 'zip', fits: zipName.test(first) };
  if (/^7za?r?$/.test(program) && /^[au]$/.test(first ?? '') && second && /\.\w+$/.test(second)) return { into: second, how: `${program} ${first}`, fits: archiveName.test(second) || zipName.test(second) };
  if (program === 'ar' && /^-?[rqs]/.test(first ?? '') && second) return { into: second, how: 'ar', fits: /\.(?:a|lib|deb)$/i.test(second) };
  return undefined;
}

/** `tar -rf todo.txt notes.txt`: archive records added to a file whose name says it is no archive, which they corrupt. */
export function packedIntoText(commands: CommandFact[]): string[] {
  const bad = commands.map(packedInto).find((p) => p !== undefined && !p.fits);
  return bad ? [`it packs into ${bad.into} as an archive (${bad.how}), but ${bad.into} is no archive: its text would be lost among archive records`] : [];
}

// "append 'done' to todo.txt", "add a line to notes.txt": text put at the end, nothing replaced.
const addsToFile = /\b(?:append|add|attach|tack)\b(?:[^.;]|\.(?=\S)){0,60}?\b(?:to|onto|at the end of)\b/;
const replaces = /\b(?:replac\w*|overwrit\w*|rewrit\w*|empty|emptie\w*|clear\w*|truncat\w*|wip\w*|reset|instead|only|just contain|contain only|substitut\w*|change|edit|remove|delete|strip)\b/;
// A sed script with no address, or one that runs to the last line, that takes, rewrites or adds to every line it reaches:
// `d`, `1,$d`, `2,$c x`, `c x`, `a x`, `s/.*/x/`, `s/^.*$/x/`.
const everyLineScript = /^(?:\d+\s*,\s*\$\s*)?(?:[dcai](?:\\|\s|$)|s(.)\^?\.\*\$?\1)/;
// ... and for a file only to be added to, the last line replaced or taken as well (`$c x`, `$d`).
const rewritesFile = (script: string) => everyLineScript.test(script) || /^\$\s*[cd](?:\\|\s|$)/.test(script);

/** How `c` rewrites or empties the file it writes, when it does: the name of the way, or ''. */
function emptiesFirst(c: CommandFact): string {
  const program = programOf(c);
  if (program === 'dd' && c.positionals.some((a) => a.startsWith('of=')) && !(c.positionals.some((a) => /^conv=.*notrunc/.test(a)) && c.positionals.some((a) => /^oflag=.*append/.test(a)))) return 'dd of=';
  if (program === 'sponge' && !c.flags.includes('a')) return 'sponge';
  if ((program === 'cp' || program === 'install') && c.writes.length > 0) return program;
  if (program === 'truncate') return 'truncate';
  if (/^g?sed$/.test(program) && c.flags.some((f) => f === 'i' || f === 'in-place') && c.positionals.some((a) => rewritesFile(a.trim()))) return `sed ${c.positionals.find((a) => rewritesFile(a.trim()))}`;
  if (program === 'perl' && c.flags.includes('i') && c.args.some((a) => /\$_\s*=[^~=]/.test(a))) return 'perl -i $_=';
  return '';
}

/** "append 'done' to todo.txt" answered by a command that empties or rewrites todo.txt before (or instead of) adding to it. */
export function addEmptiesFirst(intent: Intent, commands: CommandFact[]): string[] {
  if (!addsToFile.test(intent.words) || replaces.test(intent.words)) return [];
  const way = commands.map(emptiesFirst).find((w) => w !== '');
  return way ? [`it empties or rewrites the file (${way}) before it adds, but the request asks only to add to it`] : [];
}

// "line 2", "the first line", "after line 3": one line named by its place; "every line", "lines 2 to the end" are more.
const oneLinePlace = /\bline\s+(?:\d+|one|two|three)\b|\b(?:first|last|second|third|fourth|fifth|top|bottom|\d+(?:st|nd|rd|th))\s+line\b/;
const manyLines = /\b(?:every|each|all)\s+(?:the\s+)?lines?\b|\blines\b|\bto the (?:end|bottom)\b|\bonwards?\b|\band (?:after|below)\b/;

/** "delete the first line of notes.txt" answered by a sed script or a redirect that reaches every line of the file. */
export function oneLineForAll(intent: Intent, commands: CommandFact[]): string[] {
  if (!oneLinePlace.test(intent.words) || manyLines.test(intent.words)) return [];
  const sed = commands.find((c) => /^g?sed$/.test(programOf(c)) && c.flags.some((f) => f === 'i' || f === 'in-place') && c.positionals.some((a) => everyLineScript.test(a.trim())));
  if (sed) return [`its sed script (${sed.positionals.find((a) => everyLineScript.test(a.trim()))}) reaches every line, but the request names one line`];
  const over = commands.flatMap((c) => c.redirects).find((r) => r.kind === 'write' && intent.names.includes(r.target.replace(/^\.\//, '')));
  return over ? [`it writes ${over.target} anew, but the request names one line of it`] : [];
}

// "replace the link", "overwrite latest.log", "repoint it": a link put over what is there is asked for.
const replacesLink = /\b(?:replac\w*|overwrit\w*|forc\w*|re-?point\w*|updat\w*|switch\w*|chang\w*|redirect\w*|move the link|point it\b|existing)\b/;

/** `ln -sf` for "make a link …": a forced link removes whatever file already has its name, which the request does not say to replace. */
export function linkForcedOver(intent: Intent, commands: CommandFact[]): string[] {
  const ln = commands.find((c) => programOf(c) === 'ln' && c.flags.some((f) => f === 'f' || f === 'force'));
  return ln && !replacesLink.test(intent.words) ? [`it forces the link (ln -f) over whatever file has its name, but the request does not say to replace one`] : [];
}

const signallers = /^(?:kill|pkill|killall|fuser|skill|xargs)$/;

/** "stop process 4242", "kill what listens on port 3000": a kill that reaches a process group, children, other names, or every socket's owner. */
export function killBeyondNamed(intent: Intent, commands: CommandFact[]): string[] {
  const pid = /\b(?:pid|process(?: id)?)\s*#?(\d{1,7})\b/.exec(intent.words)?.[1];
  const port = /\bport\s*(\d{1,5})\b/.exec(intent.words)?.[1];
  if (!pid && !port) return [];
  for (const c of commands.filter((x) => signallers.test(programOf(x)))) {
    const program = programOf(c);
    // After the signal (`kill -9 -4242`) or `--`, a negative number is a process group.
    const group = c.args.find((a, i) => i > 0 && /^-(?:\d+|\$.*)$/.test(a) && !/^-[sn]$/.test(c.args[i - 1]));
    if (program === 'kill' && group) return [`it signals a whole process group (kill ${group}), but the request names one process`];
    if (/^(?:pkill|skill)$/.test(program) && c.flags.includes('P')) return [`it signals the children of a process (${program} -P), but the request names one process`];
    if (pid && program === 'kill' && c.positionals.some((a) => a.includes('$'))) return [`it signals a list of processes found at run time, but the request names process ${pid}`];
    if (/^(?:pkill|killall|skill)$/.test(program)) return [`it signals processes by name (${program}), but the request names ${pid ? `process ${pid}` : `port ${port}`}`];
    if (port && program === 'fuser' && c.positionals.some((a) => !a.startsWith(`${port}/`))) return [`it signals what holds ${c.positionals.find((a) => !a.startsWith(`${port}/`))}, but the request names port ${port}`];
  }
  const lsof = port ? commands.find((c) => programOf(c) === 'lsof' && !c.args.some((a) => a.includes(`:${port}`))) : undefined;
  return lsof && commands.some((c) => programOf(c) === 'kill') ? [`it signals every process lsof lists (lsof ${lsof.args.join(' ')}), but the request names port ${port}`] : [];
}

/** Every way a plan does more than the one file, line, link or process the request names. */
export function narrowActExceeded(intent: Intent, commands: CommandFact[]): string[] {
  return [...packedIntoText(commands), ...addEmptiesFirst(intent, commands), ...oneLineForAll(intent, commands), ...linkForcedOver(intent, commands), ...killBeyondNamed(intent, commands)];
}
