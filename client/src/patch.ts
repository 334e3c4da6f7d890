// Rebuilds the "after" side of a file from its "before" text and the unified
// diff a snapshot run reported, so VS Code's diff editor can show both.

export class PatchError extends Error {}

/** Applies a unified diff (one file) to `before`. Throws PatchError when a hunk does not fit. */
export function applyUnifiedDiff(before: string, diff: string): string {
  const src = before === '' ? [] : before.split('\n');
  const lines = diff.split('\n');
  const out: string[] = [];
  let cursor = 0;
  let endsWithoutNewline = before !== '' && !before.endsWith('\n');
  let i = 0;
  let sawHunk = false;
  // With a trailing newline, split() leaves an empty last element that is not a line.
  if (before.endsWith('\n')) src.pop();
  while (i < lines.length) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(lines[i]);
    if (!header) {
      i++;
      continue;
    }
    sawHunk = true;
    const oldStart = Number(header[1]);
    const oldCount = header[2] === undefined ? 1 : Number(header[2]);
    const start = oldCount === 0 ? oldStart : oldStart - 1;
    if (start < cursor || start > src.length) throw new PatchError(`a hunk starts at line ${oldStart}, outside the file`);
    out.push(...src.slice(cursor, start));
    cursor = start;
    i++;
    let lastSign = '';
    while (i < lines.length && !lines[i].startsWith('@@')) {
      const line = lines[i];
      const sign = line[0];
      const text = line.slice(1);
      if (sign === ' ' || sign === '-') {
        if (src[cursor] !== text) throw new PatchError(`line ${cursor + 1} does not match the diff`);
        if (sign === ' ') out.push(text);
        cursor++;
      } else if (sign === '+') {
        out.push(text);
      } else if (sign === '\\') {
        // "\ No newline at end of file" refers to the line before it.
        endsWithoutNewline = lastSign !== '-';
      } else if (line === '' && i === lines.length - 1) {
        break;
      } else if (/^(diff |--- |\+\+\+ |index )/.test(line)) {
        break;
      }
      lastSign = sign;
      i++;
    }
  }
  if (!sawHunk) return before;
  out.push(...src.slice(cursor));
  const text = out.join('\n');
  return out.length === 0 ? '' : endsWithoutNewline ? text : text + '\n';
}
