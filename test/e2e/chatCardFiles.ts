// The workspace files of the chat-card tests: card.md holds one shell block
// per command a test clicks a code lens on (lens row = block index).

export const cardCommands = [
  'rm -rf ~/*', // 0: denied on the host
  'rm -rf src', // 1: asks on the host
  'wc -c notes.txt', // 2: allowed, reads notes.txt
  'cat .env', // 3: shows a secret: the sandbox run needs approval
  "find logs -name '*.log' -exec rm {} +", // 4: deletes what find picks
  'echo partial > partial.txt && false', // 5: changes a file, then fails
  'echo live > live.txt', // 6: for the mode chooser
] as const;

export const cardFiles: Record<string, string> = {
  '.env': 'TOKEN=abc123\n',
  'logs/a.log': 'old\n',
  'logs/keep.txt': 'keep\n',
  'card.md': ['# Card', '', ...cardCommands.flatMap((c) => ['```sh', c, '```', ''])].join('\n'),
};
