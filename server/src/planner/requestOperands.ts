// The thing a request asks about, when it names one: "the absolute path of
// "MY DIR"", "the size of $f", "the real path of the java executable". A
// plan that answers about something else (`realpath .`, `du -sh .`) answers
// another question, however right it looks.

// What is asked of the operand, then the operand's own kind said in words.
const attribute = /\b(?:(?:absolute|full|real|canonical|resolved|complete)\s+)?(?:path(?:\s*name)?|pathname|location|directory name|dir ?name|base ?name|parent (?:folder|directory|dir)|size|disk usage|owner(?:ship)?|permissions?|mode|inode(?: number)?|checksum|md5(?: ?sum)?|sha\d*(?: ?sum)?)\s+(?:of|for|to)\s+(?:the\s+)?(?:(?:file|folder|directory|dir|program|command|binary|executable|variable|link|symlink)\s+)?/g;
const quoted = /^(?:"([^"]+)"|'([^']+)'|`([^`]+)`)/;
const variable = /^(\$(?:\{[A-Za-z_]\w*\}|[A-Za-z_]\w*|[0-9@*])(?:\/[\w.@+-]+)*)/;
// "the java executable", "the python3 binary": a program by its name, said as one.
const program = /^([a-z][\w.+-]*)\s+(?:executable|binary|program|command|interpreter|compiler)\b/;

/** The operands a request names for what it asks ("path of "x"", "size of $f", "path of the node binary"), as written. */
export function namedOperands(words: string): string[] {
  const out: string[] = [];
  for (const m of words.matchAll(attribute)) {
    // "the files in the path of .git": a place things are in, not what is asked about.
    if (/\b(?:in|on|into|from|along)\s+(?:the\s+)?(?:(?:absolute|full|real|canonical|resolved|complete)\s+)?$/.test(words.slice(0, m.index))) continue;
    const rest = words.slice(m.index + m[0].length);
    const q = quoted.exec(rest);
    const v = q ? undefined : variable.exec(rest);
    const p = q || v ? undefined : program.exec(rest);
    const operand = q ? q[1] ?? q[2] ?? q[3] : v?.[1] ?? p?.[1];
    if (operand && operand.trim()) out.push(operand.trim());
  }
  return [...new Set(out)];
}

// `${HOME}` and `$HOME` are one variable; a program's path holds its name.
const bare = (s: string) => s.toLowerCase().replace(/\$\{(\w+)\}/g, '$$$1');

/**
 * "print the absolute path of "my notes.txt"" planned as `realpath .`: the
 * operand the request asks about appears nowhere in the plan. One kept is
 * enough (`stat -c %s "$f"` for "the size and owner of $f").
 */
export function operandDropped(words: string, command: string): string[] {
  const operands = namedOperands(words);
  if (operands.length === 0 || /<\w+>|__\w+__/.test(command)) return [];
  const text = bare(command);
  if (operands.some((o) => text.includes(bare(o)))) return [];
  return [`it does not use ${operands.map((o) => `'${o}'`).join(' or ')}, which the request asks about`];
}
