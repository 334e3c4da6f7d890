// Terminal escape sequences and control characters, as one pattern for
// every part that strips them (the server's presenter, the extension before
// it copies or inserts a command or shows output). Stripping \r matters most
// before Insert into terminal: a carriage return in the text would press Enter.

/**
 * Escape sequences as terminals read them (OSC ... BEL/ST, CSI, two-character
 * ESC forms) and the other C0 controls but \t and \n, for callers that strip rather than show.
 */
// eslint-disable-next-line no-control-regex
export const ESCAPE_SEQUENCES = /\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-Z\\-_]|[\x00-\x08\x0b-\x1f\x7f]/g;

/** The text without escape sequences and control characters (tabs and line feeds kept). */
export function stripEscapes(text: string): string {
  return text.replace(ESCAPE_SEQUENCES, '');
}
