// Checks that hold a plan to the act its request states in so many words:
// the git subcommand it says ("git restore src"), what it says of the files
// already where a move or a copy goes ("do not overwrite"), text put into a
// file rather than taken out ("append an empty line"), the names of
// files rather than what they hold ("replace the spaces in the file names"),
// and files joined into one place ("join a.txt and b.txt into all.txt").
// They run on every candidate, a model's as well as the embedded planner's.

import type { CommandFact } from '../policy/factsTypes';
import type { Intent } from './intent';
import { gitPathsBeyondNamed, gitSubcommandSwapped } from './gitNamed';
import { overwritesExisting, writesOntoFolder } from './overwrites';
import { removesForAdd } from './changeKinds';
import { namesForContents } from './bulkRenames';
import { lineActSwapped } from './lineActs';
import { madeRunLeftOut, placeNotLast, runLeftOut, runMemberWritten } from './runLeftOut';
import { joinWritesElsewhere } from './joinSources';
import { containerCopyUnasked } from './containerCopies';

/** Every way `commands` does another act than the one the request states; empty when none. */
export function statedActSwapped(intent: Intent, commands: CommandFact[], workspace: string | undefined): string[] {
  return [...gitSubcommandSwapped(intent, commands), ...gitPathsBeyondNamed(intent, commands), ...overwritesExisting(intent, commands, workspace), ...writesOntoFolder(commands, workspace), ...removesForAdd(intent, commands), ...namesForContents(intent, commands), ...lineActSwapped(intent, commands), ...runLeftOut(intent, commands, workspace), ...placeNotLast(intent, commands, workspace), ...madeRunLeftOut(intent, commands), ...runMemberWritten(intent, commands, workspace), ...joinWritesElsewhere(intent, commands, workspace), ...containerCopyUnasked(intent, commands)];
}
