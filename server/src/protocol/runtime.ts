// How the language server process is started (client → server contract).

/**
 * V8 flags the server runs with. A larger young generation means fewer
 * scavenges while checking commands (the bash parser allocates ~40 KB per
 * parse), so fewer checks pay for a pause; figures in docs/dev/shell.md and
 * `npm run bench policy`.
 */
export const SERVER_V8_FLAGS: readonly string[] = ['--min-semi-space-size=16', '--max-semi-space-size=64'];
