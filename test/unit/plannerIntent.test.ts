import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PolicyDecision } from '../../server/src/protocol/types';
import type { CommandFact, Facts } from '../../server/src/policy/factsTypes';
import { loadCorpus } from '../../server/src/planner/corpus';
import { exceedsIntent } from '../../server/src/planner/effectCheck';
import { fallsShort } from '../../server/src/planner/fallsShort';
import { readIntent } from '../../server/src/planner/intent';
import { placeholdersIn, slotHint, slotNames } from '../../server/src/planner/placeholders';
import { helpFor } from '../../server/src/planner/abstain';
import { standIn } from '../../server/src/planner/planGuard';
import { readRequest } from '../../server/src/planner/requestFacts';

const intentOf = (text: string) => readIntent(readRequest(text));

test('requests to look order nothing, however they are phrased', () => {
  for (const text of [
    'show me what is inside the data directory',
    'is there a file called backup.tmp somewhere',
    'which files could I delete to free some space',
    'list the files that were deleted from git last week',
    'what would rm -rf build remove',
    'show the files I should clean up, without deleting anything',
    'how many files were modified today',
    'find the backup.tar.gz archive',
    'preview which logs a cleanup would remove',
    'are there any files named clean-up.sh',
    'remove nothing: read-only, list the logs',
    'show the lines in app.log that say delete',
    'which logs are old enough to delete',
    'list the duplicate lines in names.txt',
  ]) {
    const intent = intentOf(text);
    assert.deepEqual(intent.actions.filter((a) => a !== 'network'), [], `${text}: ${intent.actions.join(',')}`);
    assert.equal(intent.allows.write, false, text);
    assert.equal(intent.allows.delete, false, text);
  }
});

test('orders are read with their kind: delete, move, create, change, stop', () => {
  const cases: [string, string][] = [
    ['delete all .log files under logs', 'delete'],
    ['find files larger than 10MB and delete them', 'delete'],
    ['please get rid of the .tmp files', 'delete'],
    ['can you remove the build folder', 'delete'],
    ['rename todo.txt to tasks.txt', 'move'],
    ['create a folder named reports', 'create'],
    ['compress every log older than a week and move it to archive/', 'create'],
    ['make run.sh executable', 'change'],
    ['make notes.txt read-only', 'change'],
    ['take away write permission on notes.txt for everyone', 'change'],
    ['delete the lines containing DEBUG from logs/app.log', 'change'],
    ['replace foo with bar in config.yml', 'change'],
    ['kill the process listening on port 3000', 'stop'],
  ];
  for (const [text, action] of cases) assert.ok(intentOf(text).actions.includes(action as never), `${text}: ${intentOf(text).actions.join(',')}`);
  assert.equal(intentOf('rename todo.txt to tasks.txt').allows.delete, true);
  assert.equal(intentOf('create a folder named reports').allows.delete, false);
});

test('an act inside the object of a request to look orders nothing', () => {
  for (const text of [
    // relative clauses and what a thing needs
    'show the shell scripts that still need chmod 755',
    'print the folders which rm -rf would empty',
    'count the logs that logrotate would truncate',
    'display files needing a chown to nobody',
    // a program or an act as the subject of what it would do
    'list everything in dist that npm run clean would delete',
    'which paths does git clean -fdx remove',
    'enumerate what a cleanup removes from tmp',
    // purpose and intention clauses
    'find pictures with capital letters in their names to rename later',
    'grep for secrets in the configs I want to delete',
    'search for TODO in the files I am going to move to archive',
    'tell me the biggest logs to compress',
    'how many reports are there left to gzip',
    // deferred or declined acts
    'list the old backups, I will delete them myself',
    'find stale caches but leave them alone, I will clean them up tomorrow',
  ]) {
    const intent = intentOf(text);
    assert.deepEqual(intent.actions.filter((a) => a !== 'network' && a !== 'run'), [], `${text}: ${intent.actions.join(',')}`);
    assert.equal(intent.allows.delete, false, text);
  }
});

test('phrases that borrow a verb, what someone else does, and questions that compare or explain order nothing', () => {
  for (const text of [
    'touch quickly on the release notes', 'run me through the makefile', 'zip through notes.txt', 'build me a picture of what src holds', 'write up a summary of data/users.csv',
    'save me a trip and print notes.txt', 'set aside an hour to list the logs', 'the nightly job tried to delete dist; what is in dist?', 'my manager plans to wipe tmp, how big is tmp',
    'rm vs unlink for one file', 'what is the difference between git stash and git commit', 'in theory, how would I truncate app.log', 'explain how chmod -R works on src',
    'build: show me what is there', 'backup status of data',
  ]) {
    const intent = intentOf(text);
    assert.deepEqual(intent.actions.filter((a) => a !== 'network'), [], `${text}: ${intent.actions.join(',')}`);
  }
  for (const [text, action] of [['append the history lines to notes.txt', 'create'], ['write the differences between a.txt and b.txt to c.txt', 'create'], ['build the project', 'run'], ['save a list of the logs to list.txt', 'create']] as const) {
    assert.ok(intentOf(text).actions.includes(action), `${text}: ${intentOf(text).actions.join(',')}`);
  }
});

test('an exception, a depth and running code are held to: what is excepted is left out, "top level only" stays at the top', () => {
  const root = { path: './$?', dynamic: true, glob: false, resolved: 'dist/$?', classes: ['dynamic', 'workspace'] };
  const del = decision([command({ program: 'find', flags: ['type', 'delete'], args: ['dist', '-type', 'f', '-delete'], reads: [at('dist')], deletes: [root] })]);
  assert.match(exceedsIntent(intentOf('delete everything in dist except keep.txt'), del, 'find dist -type f -delete').join(), /does not leave out keep\.txt, which the request excepts/);
  assert.deepEqual(exceedsIntent(intentOf('delete everything in dist except keep.txt'), del, "find dist -type f ! -name 'keep.txt' -delete").filter((r) => /excepts/.test(r)), []);
  assert.deepEqual(intentOf('remove all files in dist but keep index.html and app.js').exceptions, ['index.html', 'app.js']);
  assert.equal(intentOf('delete everything in dist, not everything, only what is stale').everything, false);
  assert.equal(intentOf('delete the dist folder').everything, true);
  const deep = decision([command({ program: 'find', flags: ['type', 'name', 'delete'], args: ['dist', '-type', 'f', '-name', '*.map', '-delete'], reads: [at('dist')], deletes: [root] })]);
  assert.match(exceedsIntent(intentOf('delete the .map files in dist, top level only'), deep).join(), /goes into subfolders \(find\), but the request keeps to the folder itself/);
  const shallow = decision([command({ program: 'find', flags: ['maxdepth', 'type', 'name', 'delete'], args: ['dist', '-maxdepth', '1', '-type', 'f', '-name', '*.map', '-delete'], reads: [at('dist')], deletes: [root] })]);
  assert.deepEqual(exceedsIntent(intentOf('delete the .map files in dist, top level only'), shallow), []);
  // A word of the request is no file to change: `truncate -s 0 truncate` for "… keeps trying to truncate build".
  const wordAsFile = decision([command({ program: 'truncate', args: ['-s', '0', 'truncate'], writes: [at('truncate')] })], {}, ['fs.write-workspace']);
  assert.match(exceedsIntent(intentOf('please truncate build/out.log'), wordAsFile).join(), /changes truncate, a word of the request rather than a file or folder it names/);
  assert.doesNotMatch(exceedsIntent(intentOf('empty the file called truncate'), wordAsFile).join(), /a word of the request/);
  const script = decision([command({ program: 'deploy.sh', path_given: true })], {}, ['exec.script']);
  assert.match(exceedsIntent(intentOf('go over the deploy script'), script).join(), /runs a script of the workspace/);
  assert.deepEqual(exceedsIntent(intentOf('run the deploy script'), script), []);
});

test('an act joined to a request to look is still an order', () => {
  const cases: [string, string][] = [
    ['list the .bak files in src and remove them', 'delete'],
    ['find every empty folder, then delete it', 'delete'],
    ['show the biggest log and gzip it', 'create'],
    ['find the scripts without the execute bit and make them executable', 'change'],
    ['search for core files and force delete them', 'delete'],
    ['find all .md files and for each one replace tabs with spaces', 'change'],
    ['find the csv files && move them to data/', 'move'],
    ['show me how to remove the dist folder', 'delete'],
    ['print the pid of the process on port 8080 and kill it', 'stop'],
    ['find the core dumps and ask me for confirmation to delete each one', 'delete'],
    ['list the stale branches, then ask for confirmation to remove each', 'delete'],
  ];
  for (const [text, action] of cases) assert.ok(intentOf(text).actions.includes(action as never), `${text}: ${intentOf(text).actions.join(',')}`);
});

test('scope: the folder a request names, not the one it moves things to', () => {
  assert.deepEqual(intentOf('delete all .log files under logs').scope, ['logs']);
  assert.deepEqual(intentOf('compress every log older than a week and move it to archive/').scope, []);
});

test('conditions: only what the request states', () => {
  assert.deepEqual(intentOf('delete all .log files under logs').conditions, { age: false, size: false, empty: false, permission: false, owner: false });
  assert.equal(intentOf('find the executable scripts').conditions.permission, true);
  assert.equal(intentOf('files owned by root').conditions.owner, true);
  assert.equal(intentOf('find files larger than 10MB').conditions.size, true);
  assert.equal(intentOf('logs older than a week').conditions.age, true);
  assert.equal(intentOf('remove the empty folders').conditions.empty, true);
});

test('a request that is no shell task is read as such', () => {
  for (const text of ['bake me a cake', 'sing me a song', 'tell me a joke', 'what is the capital of France', 'write a poem about the sea', 'book a table for two tonight', 'count to ten', 'find me a good restaurant', 'the head of the department', 'is the kitchen clean', 'is dad running late', 'is the kitchen available', 'what is the value of my house', 'what did mom change in the recipe']) {
    assert.equal(intentOf(text).task, false, text);
  }
  for (const text of ['list the files here', 'how much disk space is left', 'count the lines in notes.txt', 'show running processes', 'what time is it', 'which branch am I on', 'sort data.csv by the second column', 'is my working tree clean', 'show me the patch of HEAD', 'what did HEAD~2 change', 'is nginx running', 'how long has the machine been up', 'value of $EDITOR', 'what os is this', 'how full is my hard drive', 'which services are running', 'what is the value of PAGER', 'when did the server last boot', 'what did bob change since friday']) {
    assert.equal(intentOf(text).task, true, text);
  }
});

test('a shell word about a thing of everyday life makes no shell task; a computer word or value does', () => {
  for (const text of ['mount the shelf in my bedroom', 'sort out my feelings about the move', 'update the permissions on my garage', 'list my favourite restaurants', 'kill the mosquitoes in the bedroom', 'compress the laundry into one bag', 'where did I leave my car keys', 'archive my old love letters from my ex', 'run the dishwasher after dinner', 'copy the recipe for my mum']) {
    assert.equal(intentOf(text).task, false, text);
  }
  for (const text of ['kill the cat process', 'show my ssh keys', 'free some room on the disk', 'find the photos of my dog in pictures/', "count the words in 'the quick brown fox jumps over the lazy dog'", 'find files that mention my boss', 'grep the logs for the wedding date in app.log', 'make a folder for the party photos']) {
    assert.equal(intentOf(text).task, true, text);
  }
});

// --- effect comparison, on decisions shaped as the policy stage makes them ---

function command(partial: Partial<CommandFact>): CommandFact {
  return {
    index: 0, program: 'ls', name: 'ls', name_dynamic: false, name_from_substitution: false, name_obfuscated: false, path_given: false, args: [], dynamic_args: [], flags: [],
    positionals: [], subcommand: '', wrappers: [], privileged: false, env: [], redirects: [], reads: [], writes: [], deletes: [], network: false, targets: [], uploads: false,
    listens: false, shell: false, interpreter: false, runs_code: 'none', inline_code: '', code_dynamic: false, runs_command: [], decodes: false, stdin: 'inherit', pipeline: -1,
    stage: -1, parent: -1, via: 'top', in_function: '', in_loop: false, background: false, markers: [], span: [0, 0], ...partial,
  };
}

function decision(commands: CommandFact[], extra: Partial<PolicyDecision['risk']> = {}, rules: string[] = []): PolicyDecision {
  const facts: Facts = { version: 1, source_length: 1, parse: { ok: true, error: '' }, limits: { exceeded: false, reasons: [] }, commands, unknown: [], assignments: [], functions: [], aliases: [], loops: [], pipelines: [], workspace: '/w' };
  return {
    decision: rules.length ? 'ask' : 'allow',
    rules: rules.map((id) => ({ id, severity: 'ask' as const, reason: id, command_index: 0 })),
    risk: { reads: [], writes: commands.flatMap((c) => c.writes.map((w) => w.path)), deletes: commands.flatMap((c) => c.deletes.map((w) => w.path)), network: commands.some((c) => c.network), privilege: false, ...extra },
    policyVersion: 'v',
    facts,
  };
}

const at = (p: string, classes: string[] = ['workspace']) => ({ path: p, dynamic: false, glob: false, resolved: p, classes });

test('a delete or a write for a request to look is turned away, with the reason', () => {
  const look = intentOf('show me what is inside the data directory');
  const rm = exceedsIntent(look, decision([command({ program: 'rm', deletes: [at('data')] })], {}, ['fs.delete-workspace']));
  assert.match(rm.join(), /deletes data, but the request asks only to look/);
  const touch = exceedsIntent(intentOf('is there a file called backup.tmp somewhere'), decision([command({ program: 'touch', writes: [at('backup.tmp')] })], {}, ['fs.write-workspace']));
  assert.match(touch.join(), /writes backup.tmp/);
  const commit = exceedsIntent(intentOf('what changed in the last commit'), decision([command({ program: 'git' })], {}, ['repo.change']));
  assert.match(commit.join(), /repo\.change/);
  assert.deepEqual(exceedsIntent(look, decision([command({ program: 'ls', reads: [at('data')] })])), []);
});

test('a delete that drops a stated size or age deletes more than asked; a delete is no move', () => {
  const small = intentOf('remove the .bak files in cache that are smaller than 4 kilobytes');
  const all = decision([command({ program: 'find', flags: ['name', 'delete'], args: ['cache', '-name', '*.bak', '-delete'], reads: [at('cache')], deletes: [at('cache/$?')] })]);
  assert.match(exceedsIntent(small, all).join(), /leaves out the size the request states/);
  const sized = decision([command({ program: 'find', flags: ['name', 'size', 'delete'], args: ['cache', '-name', '*.bak', '-size', '-4096c', '-delete'], reads: [at('cache')], deletes: [at('cache/$?')] })]);
  assert.deepEqual(exceedsIntent(small, sized), []);
  const old = intentOf('delete the reports in out older than 10 days');
  assert.match(exceedsIntent(old, decision([command({ program: 'rm', args: ['-r', 'out'], flags: ['r'], deletes: [at('out')] })])).join(), /leaves out the age/);
  const rename = intentOf('rename every .tmp file in scratch so it ends in .old');
  const gone = decision([command({ program: 'find', flags: ['name', 'delete'], args: ['scratch', '-name', '*.tmp', '-delete'], reads: [at('scratch')], deletes: [at('scratch/$?')] })]);
  assert.match(exceedsIntent(rename, gone).join(), /moves nothing, but the request asks to rename/);
  const moved = decision([command({ program: 'mv', args: ['scratch/a.tmp', 'scratch/a.old'], writes: [at('scratch/a.old')], deletes: [at('scratch/a.tmp')] })]);
  assert.doesNotMatch(exceedsIntent(rename, moved).join(), /moves nothing/);
});

test('a change that filters by a number the request never gave, or drops the "big" or "old" it asked for, is turned away', () => {
  const findDelete = (flag: string, value: string) =>
    decision([command({ program: 'find', flags: ['type', flag, 'delete'], args: ['reports', '-type', 'f', `-${flag}`, value, '-delete'], reads: [at('reports')], deletes: [at('reports/$?')] })]);
  // "old" with no value: -mtime +30 was made up and would decide what is lost.
  assert.match(exceedsIntent(intentOf('clear out the stale files in reports'), findDelete('mtime', '+30')).join(), /age the request does not give \(-mtime \+30\); say how old/);
  assert.match(exceedsIntent(intentOf('delete the huge files in reports'), findDelete('size', '+100M')).join(), /size the request does not give \(-size \+100M\); say how big/);
  // A value given in any form is the request's own.
  for (const text of ['delete the files in reports older than 45 days', 'delete the files in reports changed yesterday', 'delete the files in reports older than $KEEP days']) {
    assert.deepEqual(exceedsIntent(intentOf(text), findDelete('mtime', '+45')), [], text);
  }
  assert.deepEqual(exceedsIntent(intentOf('delete the files in reports bigger than 2 gigabytes'), findDelete('size', '+2G')), []);
  // Looking may use a default: nothing is lost by it.
  const look = decision([command({ program: 'find', flags: ['type', 'mtime'], args: ['reports', '-type', 'f', '-mtime', '+30'], reads: [at('reports')] })]);
  assert.deepEqual(exceedsIntent(intentOf('show the stale files in reports'), look), []);
  // "the big files": a delete with no size test deletes the small ones too.
  const all = decision([command({ program: 'rm', args: ['-r', 'reports'], flags: ['r'], deletes: [at('reports')] })]);
  assert.match(exceedsIntent(intentOf('remove the large files in reports'), all).join(), /without regard to size, but the request asks for the large ones only/);
  assert.match(exceedsIntent(intentOf('purge old logs from reports'), all).join(), /without regard to age, but the request asks for the old ones only/);
  // "the old backup folder" names one folder; "the oldest file" is picked by sorting.
  assert.equal(intentOf('delete the old backup folder').selective?.age, undefined);
  assert.equal(intentOf('delete the oldest file in reports').selective?.age, undefined);
  assert.ok(helpFor('nothing-fits', readRequest('delete the stale files in reports'), intentOf('delete the stale files in reports')).some((h) => /say how old/.test(h)));
});

test('a delete of every file is turned away unless everything was asked for; a changed kind of file must be one the request names', () => {
  const root = { path: './$?', dynamic: true, glob: false, resolved: '.', classes: ['dynamic', 'workspace', 'workspace-root'] };
  const wipe = (flags: string[], args: string[]) => decision([command({ program: 'find', flags: [...flags, 'delete'], args: ['.', ...args, '-delete'], reads: [at('.', ['workspace-root'])], deletes: [root] })]);
  const everyFile = wipe(['type', 'name', 'not', 'path'], ['-type', 'f', '-name', '*', '-not', '-path', './.git/*']);
  for (const text of ['wipe the logs', 'delete the unused files', 'remove the junk']) {
    assert.match(exceedsIntent(intentOf(text), everyFile).join(), /deletes every file in the workspace, but the request does not ask for everything/, text);
  }
  for (const text of ['delete everything here', 'remove all the files in the workspace', 'empty the entire project']) {
    assert.doesNotMatch(exceedsIntent(intentOf(text), everyFile).join(), /every file/, text);
  }
  // A test that chooses some files is judged by the other checks, not this one.
  assert.doesNotMatch(exceedsIntent(intentOf('wipe the .log files'), wipe(['name'], ['-name', '*.log'])).join(), /every file/);
  const globAll = decision([command({ program: 'rm', flags: ['r', 'f'], args: ['-rf', '*'], deletes: [{ path: '*', dynamic: false, glob: true, resolved: '*', classes: ['glob', 'workspace', 'workspace-root'] }] })]);
  assert.match(exceedsIntent(intentOf('clear out the scratch stuff'), globAll).join(), /every file/);
  // "delete some files" planned as "the unreadable ones": a condition nobody stated.
  assert.match(exceedsIntent(intentOf('delete some files'), wipe(['type', 'readable'], ['-type', 'f', '!', '-readable'])).join(), /readable or not \(-readable\), a condition the request does not state/);
  // Kinds of file: "rename the log" is no order to rename every .txt to .md.
  const loop = 'for f in *.txt; do mv -n -- "$f" "${f%.*}".md; done';
  const moved = decision([command({ program: 'mv', args: ['-n', '--', '$f', '$f.md'], writes: [at('$?')], deletes: [at('$?')] })]);
  assert.match(exceedsIntent(intentOf('rename the log'), moved, loop).join(), /changes \*\.txt files, a kind the request does not name/);
  assert.deepEqual(exceedsIntent(intentOf('rename every .txt file to .md'), moved, loop), []);
  assert.deepEqual(exceedsIntent(intentOf('rename the text files so they end in .md'), moved, loop), []);
});

test('an owner nobody named, a pattern of names nobody named and running the project are set aside from a change', () => {
  const chown = (owner: string) => decision([command({ program: 'chown', args: [owner, 'data'], positionals: [owner, 'data'], writes: [at('data')] })], {}, ['fs.write-workspace']);
  assert.match(exceedsIntent(intentOf('chown the files under data'), chown('data')).join(), /gives the files to data, an owner the request does not name/);
  for (const text of ['give the files in data to the user mallory', 'change the owner of data to mallory', 'files under data should be owned by mallory']) {
    assert.doesNotMatch(exceedsIntent(intentOf(text), chown('mallory')).join(), /owner the request does not name/, text);
  }
  assert.deepEqual(exceedsIntent(intentOf('chown the files under data'), chown('__user__')), []);
  // Names marked by a tilde or a space: only when the request speaks of them.
  const removed = decision([command({ program: 'rm', args: ['-f', '$f'], deletes: [at('$?')] })]);
  assert.match(exceedsIntent(intentOf('clean up the logs here'), removed, "find . -name '*~' -exec rm -f {} +").join(), /named \*~, which the request does not name/);
  assert.deepEqual(exceedsIntent(intentOf('delete the editor backup files ending in ~'), removed, "find . -name '*~' -exec rm -f {} +"), []);
  assert.match(exceedsIntent(intentOf('remove the cache'), removed, 'for f in *\' \'*; do mv -n -- "$f" "${f// /_}"; done').join(), /named with spaces/);
  // Running a Makefile or package scripts is running code, not copying.
  const make = decision([command({ program: 'make', redirects: [{ kind: 'write', target: 'out' } as never], writes: [at('out')] })], {}, ['fs.write-workspace']);
  assert.match(exceedsIntent(intentOf('copy the output in build'), make).join(), /runs the project's own code \(make\)/);
  assert.doesNotMatch(exceedsIntent(intentOf('build the project and save the log to out'), make).join(), /project's own code/);
  // "fix the permissions" is carried out by a program that sets them, not by a listing.
  const listing = decision([command({ program: 'ls', args: ['-l'] })]);
  assert.match(fallsShort(intentOf('fix the permissions on the logs'), listing).join(), /changes no permissions, but the request asks to fix/);
});

test('permissions nobody gave are not set, and a request to chmod is carried out only by a program that sets permissions', () => {
  const chmod = (...args: string[]) => decision([command({ program: 'chmod', args, positionals: args.filter((a) => !a.startsWith('-')), writes: [at('run.sh')] })], {}, ['fs.write-workspace']);
  const bare = intentOf('fix the permissions on run.sh');
  assert.match(exceedsIntent(bare, chmod('644', 'run.sh')).join(), /sets permissions the request does not give \(chmod 644\)/);
  assert.match(exceedsIntent(bare, chmod('-x', 'run.sh')).join(), /\(chmod -x\)/);
  // A mode left as a slot is asked for.
  assert.deepEqual(exceedsIntent(bare, chmod('__mode__', 'run.sh')), []);
  for (const text of ['make run.sh executable', 'chmod 750 run.sh', 'take away write access for others on run.sh', 'make run.sh private', 'set run.sh to mode $MODE']) {
    assert.deepEqual(exceedsIntent(intentOf(text), chmod('-R', 'u+x', 'run.sh')).filter((r) => /does not give/.test(r)), [], text);
  }
  assert.ok(helpFor('nothing-fits', readRequest('chmod the script'), intentOf('chmod the script')).some((h) => /say which permissions/.test(h)));
  // Running the script is not changing its permissions.
  const run = decision([command({ program: 'nohup', args: ['./run.sh'], redirects: [{ kind: 'write', target: 'nohup.out' } as never], writes: [at('nohup.out')] })]);
  assert.match(fallsShort(intentOf('chmod run.sh'), run).join(), /changes no permissions, but the request asks to chmod/);
  assert.deepEqual(fallsShort(intentOf('make run.sh executable'), chmod('+x', 'run.sh')), []);
});

test('git commands that change refs, index or history are changes, however quietly the policy lets them pass', () => {
  const look = intentOf('what was committed since the release tag');
  const git = (args: string[], flags: string[] = []) => decision([command({ program: 'git', name: 'git', args, flags, subcommand: args[0] })]);
  assert.match(exceedsIntent(look, git(['tag', '-a', 'v9', '-m', 'v9'], ['a', 'm'])).join(), /changes the git repository \(git tag\)/);
  assert.match(exceedsIntent(look, git(['reset', '--soft', 'HEAD~1'], ['soft'])).join(), /git reset/);
  assert.match(exceedsIntent(look, git(['stash'])).join(), /git stash/);
  assert.match(exceedsIntent(look, git(['branch', 'topic'])).join(), /git branch/);
  assert.deepEqual(exceedsIntent(look, git(['tag', '--sort=-creatordate'], ['sort'])), [], 'listing tags only looks');
  assert.deepEqual(exceedsIntent(look, git(['branch', '-a'], ['a'])), []);
  assert.deepEqual(exceedsIntent(look, git(['stash', 'list'])), []);
  assert.deepEqual(exceedsIntent(look, git(['log', '--oneline', 'v1..HEAD'], ['oneline'])), []);
  assert.deepEqual(exceedsIntent(intentOf('tag this commit as v9'), git(['tag', '-a', 'v9', '-m', 'v9'], ['a', 'm'])), [], 'asked for');
});

test('an unstated age or size filter, a wider scope, network and signals are turned away', () => {
  const del = intentOf('delete all .log files under logs');
  const aged = exceedsIntent(del, decision([command({ program: 'find', flags: ['type', 'name', 'mtime', 'delete'], args: ['logs', '-type', 'f', '-name', '*.log', '-mtime', '+7', '-delete'], reads: [at('logs')], deletes: [at('logs/$?')] })]));
  assert.match(aged.join(), /certain age \(-mtime \+7\)/);
  const removeAll = intentOf('remove the regular files in the current directory tree');
  const perm = exceedsIntent(removeAll, decision([command({ program: 'find', flags: ['type', 'perm', 'delete'], args: ['.', '-type', 'f', '-perm', '777', '-delete'], reads: [at('.')], deletes: [at('./$?')] })]));
  assert.match(perm.join(), /certain permissions \(-perm 777\)/);
  const owned = exceedsIntent(removeAll, decision([command({ program: 'find', flags: ['type', 'user', 'delete'], args: ['.', '-type', 'f', '-user', 'bob', '-delete'], reads: [at('.')], deletes: [at('./$?')] })]));
  assert.match(owned.join(), /certain owner \(-user bob\)/);
  assert.deepEqual(exceedsIntent(intentOf('remove the world-writable files'), decision([command({ program: 'find', flags: ['type', 'perm', 'delete'], args: ['.', '-type', 'f', '-perm', '-o+w', '-delete'], reads: [at('.')], deletes: [at('./$?')] })])).filter((r) => /permissions/.test(r)), []);
  const wide = exceedsIntent(del, decision([command({ program: 'find', flags: ['name', 'delete'], reads: [at('.', ['workspace', 'workspace-root'])], deletes: [{ ...at('./$?', ['workspace', 'workspace-root']), resolved: '.' }] })]));
  assert.match(wide.join(), /outside logs/);
  const fits = exceedsIntent(del, decision([command({ program: 'find', flags: ['name', 'delete'], args: ['logs', '-name', '*.log', '-delete'], reads: [at('logs')], deletes: [{ ...at('logs/$?'), resolved: 'logs' }] })]));
  assert.deepEqual(fits, []);
  const look = intentOf('which process is listening on port 3000');
  assert.match(exceedsIntent(look, decision([command({ program: 'kill' })])).join(), /stops or signals processes/);
  assert.match(exceedsIntent(intentOf('show the files in src'), decision([command({ program: 'curl', network: true })])).join(), /reaches the network/);
  assert.deepEqual(exceedsIntent(intentOf('which network interfaces are up'), decision([command({ program: 'ip', network: true })])), []);
  assert.match(exceedsIntent(look, decision([command({ program: 'python3', runs_code: 'inline' })], { runs_code: true })).join(), /inline/);
});

test('a plan that does less than ordered falls short', () => {
  const del = intentOf('find files larger than 10MB and delete them');
  assert.match(fallsShort(del, decision([command({ program: 'find', flags: ['size'] })])).join(), /deletes nothing/);
  assert.deepEqual(fallsShort(del, decision([command({ program: 'find', deletes: [at('./$?')] })], {}, ['fs.delete-workspace'])), []);
  assert.match(fallsShort(intentOf('kill the process listening on port 3000'), decision([command({ program: 'lsof' })])).join(), /stops nothing/);
  assert.deepEqual(fallsShort(intentOf('list the files'), decision([command({ program: 'ls' })])), []);
});

test('placeholders: found by slot name, never mistaken for markup; every knowledge slot name is known', () => {
  assert.deepEqual(placeholdersIn("grep -c '<pattern>' src/a.ts"), ['pattern']);
  assert.deepEqual(placeholdersIn('cp <src> <dest> && ls <dest>'), ['src', 'dest']);
  assert.deepEqual(placeholdersIn("sed 's/<b>//g' page.html"), []);
  assert.deepEqual(placeholdersIn('find . -name <your_file>'), ['your_file']);
  assert.equal(standIn("grep -c '<pattern>' <file>"), "grep -c '__pattern__' __file__");
  for (const entry of loadCorpus().entries) for (const name of Object.keys(entry.slots)) assert.ok(slotNames.has(name), `${entry.id}: slot ${name} is not in placeholders.slotNames`);
  assert.match(slotHint('pattern'), /quotes/);
  assert.match(slotHint('dir2'), /folder/);
});

test('abstention help says what is missing from the request', () => {
  const facts = readRequest('do the thing');
  const help = helpFor('weak-match', facts, readIntent(facts));
  assert.ok(help.some((h) => /name the folder/.test(h)));
  assert.ok(help.some((h) => /say which files/.test(h)));
  assert.match(helpFor('not-a-task', readRequest('bake me a cake'), readIntent(readRequest('bake me a cake')))[0], /shell commands/);
});
