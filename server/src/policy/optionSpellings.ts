// How a tool's parser reads the name of an option, beyond the spelling
// its documentation gives. yargs (jest, mocha, ava) and cac (vitest, vite)
// take `--output-file` for `--outputFile` and the reverse; tsc reads its
// options whatever their case, after one dash or two (`-outdir`); go's flag
// package takes one dash or two (`--coverprofile`), and `go test` also takes
// `-test.coverprofile`. A table that names only the documented spelling
// lets the others through.

export type Spelling = 'exact' | 'yargs' | 'tsc' | 'go';

/** The name of an option as its parser compares it. */
function canonical(spelling: Spelling, name: string): string {
  switch (spelling) {
    case 'yargs':
      return name.startsWith('--') ? `--${name.slice(2).replace(/-/g, '').toLowerCase()}` : name;
    case 'tsc':
      return `-${name.replace(/^--?/, '').toLowerCase()}`;
    case 'go':
      return `-${name.replace(/^--?/, '').replace(/^test\./, '')}`;
    default:
      return name;
  }
}

/** Whether the option written `written` (its name only, before any `=`) is `option` to a parser that spells as `spelling`. */
export function sameOption(spelling: Spelling, written: string, option: string): boolean {
  return written === option || (written.startsWith('-') && canonical(spelling, written) === canonical(spelling, option));
}

/** Whether a short option may carry its value glued on (`-ofile`): go's flag package never reads one so (`-outputdir` is not `-o utputdir`). */
export function gluesShortValues(spelling: Spelling): boolean {
  return spelling !== 'go';
}
