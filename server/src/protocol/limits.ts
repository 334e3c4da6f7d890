// Request limits every front enforces the same way: the editor's input box, the
// webview's text area, the CLI and the HTTP API all read them from here.

/** The longest plain-language request, in characters. */
export const MAX_REQUEST_CHARS = 2_000;
/** The longest shell command, in characters. */
export const MAX_COMMAND_CHARS = 16_384;
