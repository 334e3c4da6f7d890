// The parser counts UTF-8 bytes; JavaScript strings count UTF-16 code units.
// Spans shown to a person (underlines, editor highlights) are in characters
// of the command as typed, so byte offsets are converted once per command.

/** A function from a UTF-8 byte offset in `source` to the UTF-16 offset of the same place. */
export function byteToCharOffset(source: string): (byte: number) => number {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(source)) return (byte) => Math.min(byte, source.length);
  const table: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const code = source.codePointAt(i)!;
    const bytes = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    for (let b = 0; b < bytes; b++) table.push(i);
    if (code >= 0x10000) i++;
  }
  return (byte) => (byte >= table.length ? source.length : table[byte]);
}
