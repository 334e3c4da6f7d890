// What inline interpreter code (`python -c`, `node -e`, `perl -e`, `ruby -e`,
// and the same code given in a here-document, a here-string or a pipe) does
// that matters outside the interpreter: the shell commands it hands to
// os.system / child_process / system() (judged as the commands they are), the
// files it opens for writing, whether it reaches the network, and whether it
// reads the environment or files it could send there. Only string literals are
// read: code that builds its commands at run time is left to the other rules.

import type { Context, Walker } from './facts';
import type { CommandFact } from './factsTypes';
import { literal } from '../shell/argWords';
import { SECRET_VARIABLE } from './behaviourFacts';

const STR = String.raw`(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')`;

/** Calls that run their first string argument as a shell command line. */
const SHELL_CALLS = new RegExp(
  String.raw`(?:\bos\.(?:system|popen)|\bsubprocess\.(?:run|call|check_call|check_output|getoutput|getstatusoutput|Popen)|\bcommands\.getoutput|\b(?:execSync|exec|spawnSync|spawn|execFileSync)|\bsystem|\bshell_exec|\bpassthru|\bpopen|\bproc_open|%x)\s*[({]?\s*` + STR,
  'g',
);
/** `subprocess.run(["rm", "-rf", "~"])`, `execFileSync("rm", ["-rf", ...])`: a program and its words. */
const ARGV_CALLS = /\b(?:subprocess\.(?:run|call|check_call|check_output|Popen)|os\.exec[lv]p?e?|execFileSync|execFile|spawnSync|spawn)\s*\(\s*\[?([^\])]*)/g;
/** Backticks run a shell command line in perl and ruby. */
const BACKTICKS = /`([^`]+)`/g;

const WRITE_OPEN = new RegExp(
  String.raw`(?:\bopen\s*\(\s*${STR}\s*,\s*["'][wax+]|\bopen\s*\(\s*\w+\s*,\s*["']>>?\s*([^"']+)["']|\bopen\s*\(\s*\w+\s*,\s*["']>>?["']\s*,\s*${STR}|\b(?:writeFileSync|appendFileSync|writeFile|appendFile|createWriteStream|write_text|write_bytes|file_put_contents|File\.write|IO\.write|copyfile|copy2?|move|rename|symlink)\s*\(\s*(?:${STR}\s*,\s*)?${STR})`,
  'g',
);

const NETWORK = /\b(?:socket|urllib|urlopen|requests\.|http\.client|httplib|httpx|aiohttp|smtplib|ftplib|telnetlib|paramiko|fetch\s*\(|XMLHttpRequest|WebSocket|Net::HTTP|open-uri|Socket\b|TCPSocket|UDPSocket|IO::Socket|LWP|HTTP::Tiny|curl_init|fsockopen|stream_socket_client|Deno\.connect)|require\s*\(\s*["'](?:https?|net|dgram|tls|axios|node-fetch)["']\s*\)|\bimport\s+(?:requests|socket|urllib|http)\b/;
const ENVIRONMENT = /\bos\.environ\b|\bos\.getenv\b|\bprocess\.env\b|\$ENV\s*\{|%ENV\b|\bENV\s*[[.]|\bgetenv\s*\(|System\.getenv|Deno\.env/;
const FILE_READ = /\bopen\s*\(|read_text|read_bytes|readFileSync|readFile\s*\(|File\.(?:read|open)|IO\.read|file_get_contents|expanduser|\bslurp\b|<\s*\$?\w*>|\bfs\.read|createReadStream/;

/** The whole environment: `process.env` on its own, `os.environ` printed or walked, perl's `%ENV`, ruby's `ENV.to_h`. */
const WHOLE_ENVIRONMENT = /\bprocess\.env\b\s*(?:$|[^.[\w\s]|\)|;)|\bos\.environ\b\s*(?:$|\)|\.(?:items|keys|values|copy)\b|;)|%ENV\b|\bENV\s*\.\s*(?:to_h|to_a|each|inspect|keys|map|select|sort)\b|\bputs\s+ENV\s*$|\bp\s+ENV\s*$|\bENV\s*\)|getenv\s*\(\s*\)|Deno\.env\.toObject/m;
/** A single variable read by name. */
const NAMED_VARIABLE = /(?:process\.env\s*(?:\.|\[\s*["'])|os\.environ\s*(?:\[\s*|\.get\s*\(\s*)["']|os\.getenv\s*\(\s*["']|\$ENV\s*\{\s*["']?|\bENV\s*\[\s*["']|getenv\s*\(\s*["']|System\.getenv\s*\(\s*["']|Deno\.env\.get\s*\(\s*["'])([A-Za-z_][A-Za-z0-9_]*)/g;
/** Code that prints or returns what it reads: output leaves the sandbox on the screen. */
const PRINTS = /\bprint\b|console\.(?:log|error|info|dir)|\bputs\b|\bp\s|\bpp\b|\becho\b|\bprintf\b|process\.stdout|sys\.stdout|\bsay\b|\bdump\b|JSON\.stringify/;

function unquote(m: RegExpMatchArray, from: number): string | undefined {
  for (let i = from; i < m.length; i++) if (m[i] !== undefined) return m[i].replace(/\\(["'\\])/g, '$1');
  return undefined;
}

/** The code an interpreter runs that the line spells out: `-c`/`-e` text, a here-document or here-string, or known text piped in. */
export function interpreterCode(fact: CommandFact, ctx: Context): string {
  if (fact.runs_code === 'inline' || fact.stdin === 'heredoc' || fact.stdin === 'herestring') return fact.inline_code;
  if (fact.runs_code === 'stdin' && fact.stdin === 'pipe') return ctx.stdinText ?? '';
  return '';
}

export function describeInlineCode(w: Walker, fact: CommandFact, ctx: Context): void {
  const code = interpreterCode(fact, ctx);
  if (code.trim() === '') return;
  const mark = (m: string) => {
    if (!fact.markers.includes(m)) fact.markers.push(m);
  };
  const network = NETWORK.test(code);
  if (network) mark('code-network');
  if (ENVIRONMENT.test(code)) mark('code-environment');
  if (FILE_READ.test(code) || fact.reads.length > 0) mark('code-reads-files');
  const printed = PRINTS.test(code) || /(^|\s)-[a-z]*p/.test(fact.args.join(' ')) || fact.program === 'node' && fact.args.includes('-p');
  if (WHOLE_ENVIRONMENT.test(code) && (printed || network)) mark('code-prints-environment');
  for (const m of code.matchAll(NAMED_VARIABLE)) if (SECRET_VARIABLE.test(m[1]) && (printed || network)) mark(`code-prints-secret:${m[1]}`);
  for (const m of code.matchAll(WRITE_OPEN)) {
    const path = [...m].slice(1).reverse().find((x) => x !== undefined);
    if (path && /^[~/]/.test(path)) fact.writes.push(w.path(literal(path)));
  }
  for (const line of shellLines(code, fact.program)) w.reparse(line, fact.index, ctx, 'shell-string');
}

/** Shell command lines written in the code: arguments of os.system and friends, argv lists, backticks. */
export function shellLines(code: string, program: string): string[] {
  const out: string[] = [];
  const python = /^(python|pypy)/.test(program);
  for (const m of code.matchAll(SHELL_CALLS)) {
    // Python's own exec() runs Python, not a shell.
    if (python && /^(exec|spawn)/.test(m[0])) continue;
    const s = unquote(m, 1);
    if (s && s.trim()) out.push(s);
  }
  for (const m of code.matchAll(ARGV_CALLS)) {
    const words = [...m[1].matchAll(new RegExp(STR, 'g'))].map((x) => unquote(x, 1) ?? '');
    if (words.length > 1) out.push(words.map((x) => (/^[\w./~=:@%+-]+$/.test(x) ? x : `'${x.replace(/'/g, `'\\''`)}'`)).join(' '));
  }
  // In JavaScript backticks are template strings, not commands.
  if (/^(perl|ruby|php)/.test(program)) for (const m of code.matchAll(BACKTICKS)) if (m[1].trim()) out.push(m[1]);
  return [...new Set(out)].slice(0, 8);
}
