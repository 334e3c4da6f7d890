// "execute "ps -C java -o pcpu,state" every second", "run 'free -m' every 10
// seconds", "every half second, run "df -h" and highlight the changes": a
// command written out, to be run again and again at a pace said in words, is
// what watch does. Without this reading the command knowledge's own watch
// entry (`watch -n 60 ls -l .`) was planned for "run "date" every minute",
// running another command than the one written; or the command ran once.
// watch hands its command line to a shell, so the policy judges what runs
// inside it (wrappers.ts) as if it ran alone.

import type { EmbeddedCandidate } from './embeddedPlanner';
import { shellQuote } from './templateFill';

const numbers: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, ten: 10, fifteen: 15, twenty: 20, thirty: 30, 'half a': 0.5, half: 0.5 };
const unit = String.raw`(seconds?|secs?|minutes?|mins?)`;
const pace = String.raw`every\s+(\d+(?:\.\d+)?|a|an|one|two|three|four|five|ten|fifteen|twenty|thirty|half(?: a)?)?\s*${unit}`;
const runVerb = String.raw`(?:run|execute|re-?run|repeat|call|invoke)`;
// The command as written, other quotes inside it kept ('bash -c "make test"').
const written = String.raw`(?:the\s+)?(?:command\s+)?(["'\x60])((?:(?!\3).)+)\3`;
// "run "X" every 5 seconds …" and "every 5 seconds, run "X" …".
const runThenPace = new RegExp(String.raw`^\s*${runVerb}\s+(?:the\s+)?(?:command\s+)?(["'\x60])((?:(?!\1).)+)\1\s+${pace}\b(.*)$`, 'i');
const paceThenRun = new RegExp(String.raw`^\s*${pace}\s*,?\s*${runVerb}\s+${written}(.*)$`, 'i');

// What may follow: how watch shows the output, said in words; anything else asks for more than a repeated run.
const shown: [RegExp, string][] = [
  [/\b(?:with(?:out)? (?:a |the )?|no )(?:title|header|heading)\b|\bhid(?:e|ing) the (?:title|header)\b/, '-t'],
  [/\bhighlight(?:ing|ed|s)? (?:the )?(?:differences|changes|what changes)\b|\bdifferences highlighted\b/, '-d'],
  [/\b(?:with )?colou?rs?(?: support)?\b|\bin colou?r\b/, '--color'],
];
const filler = /^(?:and|with|,|displayed|display(?:ing)?|showing|show(?:n)?|it|its|output|the|support|enabled|on|screen|\s)*$/i;

/** The seconds between runs, said as a number or in words, and in seconds or minutes. */
function seconds(count: string | undefined, said: string): number | undefined {
  const n = count === undefined ? 1 : /^\d/.test(count) ? Number(count) : numbers[count.toLowerCase()];
  if (n === undefined || !(n > 0)) return undefined;
  return /^min/i.test(said) ? n * 60 : n;
}

/** `watch -n N 'CMD'` for a command written out (a program known, or a path to one) and a pace said in words; none when more is asked of its output. */
export function periodicRunCandidates(request: string, isProgram: (name: string) => boolean): EmbeddedCandidate[] {
  const text = request.trim().replace(/[.!]+$/, '');
  const a = runThenPace.exec(text);
  const b = a ? undefined : paceThenRun.exec(text);
  const m = a ? { command: a[2], count: a[3], unit: a[4], rest: a[5] } : b ? { count: b[1], unit: b[2], command: b[4], rest: b[5] } : undefined;
  const program = m && /^\s*([\w.~/-]+)/.exec(m.command)?.[1];
  if (!m || !program || !(isProgram(program) || /^(?:\.{0,2}|~)\/\S/.test(program))) return [];
  const every = seconds(m.count, m.unit);
  if (every === undefined || every < 0.1) return [];
  let rest = m.rest.toLowerCase();
  const flags: string[] = [];
  for (const [re, flag] of shown) if (re.test(rest)) { flags.push(flag); rest = rest.replace(new RegExp(re.source, 'g'), ' '); }
  if (!filler.test(rest)) return [];
  const command = m.command.trim();
  const options = [...flags.filter((f) => f.length === 2).map((f) => f.slice(1)), 'n'].join('');
  const long = flags.includes('--color') ? ' --color' : '';
  return [{
    command: `watch -${options} ${every}${long} ${shellQuote(command)}`,
    confidence: 0.93,
    explanation: `Runs ${command} every ${every} second${every === 1 ? '' : 's'} and shows its latest output (watch).`,
    source: 'processes.watch_command',
    filled: [],
    missing: [],
  }];
}
