// "write standard input to standard output and to copy.txt", "write the
// output of "make" to the terminal and to make.log", "print the contents of
// a.log to the console and append them to all.log": what is shown is also
// kept in a file, and tee does both. The request names the text (standard
// input, a command's output, a file), the screen, and the file it keeps,
// in that order; a file read is never the one written. Retrieval ranked
// `tee` with the text's file as the one written (`tee trace_pipe`) or an
// `echo` of the file's name into the other file.

import type { EmbeddedCandidate } from './embeddedPlanner';
import type { RequestFacts } from './requestFacts';
import { shellQuote } from './templateFill';

const screen = String.raw`(?:the\s+)?(?:standard\s+output|stdout|screen|terminal|console|display)`;
// A file or a command, in quotes or as one word (a path or a variable).
const value = String.raw`(?:"([^"\n]+)"|'([^'\n]+)'|\x60([^\x60\n]+)\x60|(\$\{?\w+\}?[\w./-]*|[\w~./-]*[\w/]))`;
const showVerb = String.raw`(?:write|print|send|copy|pass|output|show|display|echo|redirect|dump)s?`;
// "... and to x.log", "... and append to x.log", "... and also save it in x.log".
const keptIn = String.raw`\s+(?:and|as\s+well\s+as)\s+(?:also\s+)?(?:(append|add|save|write|copy|keep|store)\w*\s+(?:it\s+|them\s+|a\s+copy\s+)?)?(?:(?:to|into|in)\s+)?(?:the\s+)?(?:end\s+of\s+)?(?:file\s+)?${value}(?:\s+file)?(?:\s+as\s+well)?\s*[.!]?\s*$`;

const fromInput = new RegExp(String.raw`^\s*${showVerb}\s+(?:all\s+(?:of\s+)?)?(?:what\s+comes\s+in\s+on\s+|the\s+)?(?:standard\s+input|stdin)\s+(?:to|on(?:to)?)\s+${screen}${keptIn}`, 'i');
const fromCommand = new RegExp(String.raw`^\s*${showVerb}\s+(?:the\s+)?(?:unbuffered\s+)?output\s+(?:of|from)\s+(?:the\s+command\s+)?${value}\s+(?:to|on(?:to)?)\s+${screen}${keptIn}`, 'i');
const fromFile = new RegExp(String.raw`^\s*${showVerb}\s+(?:the\s+)?contents?\s+of\s+(?:the\s+)?(?:file\s+)?${value}(?:\s+file)?\s+(?:to|on(?:to)?)\s+${screen}${keptIn}`, 'i');

// A command said in words that the shell runs as it is: a program and plain arguments, nothing the shell reads apart.
const plainCommand = /^[\w./-]+(?:\s+[\w./=:,+-]+)*$/;

const said = (m: RegExpExecArray, from: number): string | undefined => m[from] ?? m[from + 1] ?? m[from + 2] ?? m[from + 3];

function tee(appends: string | undefined, file: string): string {
  return `tee ${appends && /^(?:append|add)/i.test(appends) ? '-a ' : ''}${shellQuote(file)}`;
}

/** The text the request shows and the file it keeps it in, as one tee; none when the request is not worded so. */
export function screenAndFileCandidates(f: RequestFacts): EmbeddedCandidate[] {
  const text = f.text.trim();
  const plan = (command: string, explanation: string): EmbeddedCandidate[] => [{ command, confidence: 0.9, explanation, source: 'shell.tee', filled: [], missing: [] }];
  let m = fromInput.exec(text);
  if (m) {
    const file = said(m, 2);
    return file ? plan(tee(m[1], file), `Copies its standard input to its standard output and to ${file}.`) : [];
  }
  m = fromCommand.exec(text);
  if (m) {
    const [command, file] = [said(m, 1), said(m, 6)];
    if (!command || !file || !plainCommand.test(command) || command === file) return [];
    return plan(`${command} | ${tee(m[5], file)}`, `Runs ${command} and writes its output to the screen and to ${file}.`);
  }
  m = fromFile.exec(text);
  if (m) {
    const [source, file] = [said(m, 1), said(m, 6)];
    if (!source || !file || source === file) return [];
    return plan(`${tee(m[5], file)} < ${shellQuote(source)}`, `Shows ${source} and writes what it holds to ${file} too.`);
  }
  return [];
}
