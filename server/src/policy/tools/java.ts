// java: printing its version only reads; anything else runs a compiled
// program whose code the policy does not see, like a script.

import { act, hasOption, type ToolCall } from './toolKit';

export function describeJava(call: ToolCall): void {
  const { args } = call;
  if (args.length > 0 && args.every((a) => !a.dynamic && /^-(version|-version|showversion|help|-help|h|\?|X)$/.test(a.text))) act(call, 'jvm', 'read', 'java prints its version');
  else if (hasOption(args, '-jar')) act(call, 'jvm', 'unknown', 'java -jar runs a compiled program whose code Paladin does not see');
  else act(call, 'jvm', 'unknown', 'java runs a compiled program whose code Paladin does not see');
}
