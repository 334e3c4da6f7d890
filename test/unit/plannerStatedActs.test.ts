// The act a request states in so many words holds for every plan: the git
// subcommand it says, what it says of the files already where a move or a
// copy goes, text put into a file rather than taken out, and the names of
// files rather than what they hold. Wordings are built from parts (openings
// × verbs × names × closings), each with plans that do another act and the
// plan that keeps to the stated one.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { describeCommand } from '../../server/src/policy/facts';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest } from '../../server/src/planner/requestFacts';
import { buildContext } from '../../server/src/planner/context';
import { statedActSwapped } from '../../server/src/planner/statedActs';
import { gitSaid } from '../../server/src/planner/gitNamed';
import { keepingExisting, saysKeepExisting } from '../../server/src/planner/overwrites';

// A workspace where backup and docs already hold files of the names moved into them.
const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'stated-'));
for (const f of ['notes.txt', 'main.ts', 'todo.txt', 'data.csv', 'backup/main.ts', 'backup/todo.txt', 'docs/notes.txt', 'archive/data.csv', 'src/main.ts', 'docs/guide.md', 'logs/app.log']) {
  fs.mkdirSync(path.dirname(path.join(ws, f)), { recursive: true });
  fs.writeFileSync(path.join(ws, f), 'x\n');
}
fs.mkdirSync(path.join(ws, 'old'), { recursive: true });
const names = buildContext(ws).names;

const swapped = (request: string, command: string) => statedActSwapped(readIntent(readRequest(request, names)), describeCommand(command, { workspace: ws }).commands, ws).join(' | ');
const openings = ['', 'please ', 'kindly ', 'hey, ', 'could you ', 'go ahead and ', 'ok so '];
const closings = ['', ' please', ' thanks', ' for me', ', cheers', ' asap'];
const dressed = (core: string, i: number) => `${openings[i % openings.length]}${core}${closings[i % closings.length]}`;

test('git is given only the files a request names, when it names files and nothing wider', () => {
  const files = ['notes.txt', 'todo.txt', 'main.ts', 'logs/app.log', 'docs/guide.md'];
  let i = 0;
  for (const file of files) {
    const other = files[(files.indexOf(file) + 1) % files.length];
    for (const [form, right, wrongs] of [
      [`git add ${file}`, `git add ${file}`, [`git add ${file} ${other}`, `git add -A`, `git add .`, `git add -u`, `git add --all -- ${file}`, `git add -- ${file} ${other}`]],
      [`stage ${file}`, `git add -- ${file}`, [`git add ${other}`, `git add -A`, `git add ${file} src`]],
      [`git rm --cached ${file}`, `git rm --cached ${file}`, [`git rm --cached ${file} ${other}`, `git rm -r --cached .`]],
      [`git restore ${file}`, `git restore ${file}`, [`git restore .`, `git restore ${file} ${other}`, `git checkout -- ${file} ${other}`]],
      [`discard my changes to ${file}`, `git restore -- ${file}`, [`git checkout -- .`, `git restore ${other}`]],
    ] as [string, string, string[]][]) {
      const request = dressed(form, i++);
      assert.equal(swapped(request, right), '', `${request} → ${right}`);
      for (const wrong of wrongs) assert.match(swapped(request, wrong), /it gives git .*, but the request names only/, `${request} → ${wrong}`);
    }
  }
  // A set said, or a folder, leaves git's paths to the other checks.
  assert.doesNotMatch(swapped('git add all the .txt files', 'git add notes.txt todo.txt'), /it gives git/);
  assert.doesNotMatch(swapped('git add everything in docs', 'git add docs'), /it gives git/);
  // Words that are no paths are not read as paths: a branch before `--`, a message.
  assert.equal(swapped('git checkout notes.txt from main', 'git checkout main -- notes.txt'), '');
  assert.doesNotMatch(swapped('git commit notes.txt', "git commit -m 'update notes' -- notes.txt"), /it gives git/);
});

test('a git subcommand said as the command is the one the plan runs', () => {
  const said: [string, string, string[]][] = [
    ['git restore', 'git restore', ['git rebase main', 'git stash push -m wip', 'git reset --hard', 'git merge main', 'git pull --ff-only']],
    ['git stash', 'git stash push', ['git rebase main', 'git reset --hard', 'git clean -fd', 'git commit -am wip']],
    ['git add', 'git add', ['git commit -am x', 'git rm --cached', 'git reset']],
    ['git rm', 'git rm', ['git reset --hard', 'git rebase main']],
  ];
  const places = ['src', 'docs', 'notes.txt', 'logs/app.log', "'my docs'"];
  let i = 0;
  for (const [words, right, wrong] of said) {
    for (const place of places) {
      for (const form of [`${words} ${place}`, `run ${words} ${place}`, `${words} on ${place}`, `look at it and then ${words} ${place}`]) {
        const request = dressed(form, i++);
        assert.deepEqual(gitSaid(request.toLowerCase()), [words.split(' ')[1]], request);
        for (const plan of wrong) assert.match(swapped(request, plan), /but the request says git/, `${request} → ${plan}`);
        assert.equal(swapped(request, `${right} ${place}`), '', request);
      }
    }
  }
  // With no git at all, a change is another act, and a look does none of the act said.
  assert.match(swapped('git restore notes.txt', 'cp backup/notes.txt notes.txt'), /without git/);
  for (const [request, plan] of [['git restore notes.txt', 'cat notes.txt'], ['git rm --cached notes.txt', 'cat notes.txt'], ['please git mv notes.txt docs/notes.txt', 'realpath notes.txt'], ['then git add todo.txt', "find . -name todo.txt"]]) {
    assert.match(swapped(request, plan), /does not run git, but the request says git/, `${request} → ${plan}`);
  }
  // The command's own words are no path: `git restore git`, `git add add`.
  for (const [request, plan] of [['would you mind to git restore docs', 'git restore git'], ['please git add src', 'git add add'], ['git stash the docs', 'git stash push -- git']]) {
    assert.match(swapped(request, plan), /of the git command said for a path/, `${request} → ${plan}`);
  }
  // git named as no command leaves the plan alone; a subcommand of the same act is the same act.
  for (const request of ['show the git log', 'what does git restore do', 'explain the git stash command', 'undo my last commit', 'discard my changes in src', 'how many commits touched src']) {
    assert.equal(swapped(request, 'git log --oneline -n 5'), '', request);
    assert.equal(swapped(request, 'git restore src'), '', request);
  }
  assert.equal(swapped('git checkout main', 'git switch main'), '');
  assert.equal(swapped('git log for src', 'git shortlog -- src'), '');
});

const keepWords = ['but do not overwrite', "but don't overwrite anything", 'without clobbering', 'without overwriting', 'without replacing anything there', 'if it is not there yet', "if it isn't there already", 'unless it already exists', 'unless one exists there', 'but keep the one already there', 'but keep the existing one', 'safely', 'and skip existing files', 'no clobber', 'only if it is not there'];

test('a move or copy said to keep what is there keeps it', () => {
  const moves: [string, string, string, string][] = [
    ['move', 'notes.txt', 'docs', 'mv'], ['move', 'main.ts', 'backup', 'mv'], ['put', 'todo.txt', 'backup', 'mv'], ['relocate', 'data.csv', 'archive', 'mv'],
    ['copy', 'main.ts', 'backup', 'cp'], ['copy', 'notes.txt', 'docs', 'cp'], ['copy', 'data.csv', 'old', 'cp'],
  ];
  let i = 0;
  for (const [verb, file, place, program] of moves) {
    for (const keep of keepWords) {
      const request = dressed(`${verb} ${file} into ${place} ${keep}`, i++);
      assert.ok(saysKeepExisting(request.toLowerCase()), request);
      for (const plan of [`${program} ${file} ${place}`, `${program} -f ${file} ${place}/`, `rsync -av --progress ${file} ${place}`, `${program} -t ${place} ${file}`]) {
        assert.match(swapped(request, plan), /the request says to keep it/, `${request} → ${plan}`);
      }
      assert.equal(swapped(request, `${program} -n ${file} ${place}`), '', request);
      assert.equal(swapped(request, `rsync -a --ignore-existing ${file} ${place}`), '', request);
    }
  }
});

test('a move into a folder that holds a file of that name is turned away unless the request says to replace it; a copy refreshes it', () => {
  const over: [string, string][] = [['notes.txt', 'docs'], ['main.ts', 'backup'], ['todo.txt', 'backup'], ['data.csv', 'archive'], ['main.ts', 'src']];
  let i = 0;
  for (const [file, place] of over) {
    // A copy said as one refreshes the copy there, as cp does.
    assert.equal(swapped(dressed(`copy ${file} into ${place}`, i++), `cp ${file} ${place}`), '');
    for (const verb of ['move', 'relocate', 'put', 'mv']) {
      for (const form of [`${verb} ${file} into ${place}`, `${verb} ${file} to ${place}/`, `${verb} ${file} over to ${place}`, `${verb} ${file} under ${place}`]) {
        const request = dressed(form, i++);
        for (const plan of [`mv ${file} ${place}`, `mv -- ${file} ${place}/`, `cp ${file} ${place}`, `rsync -av --progress ${file} ${place}`, `mv -t ${place} ${file}`]) {
          assert.match(swapped(request, plan), new RegExp(`writes over ${place}/${file.replace('.', '\\.')}`), `${request} → ${plan}`);
        }
        assert.equal(swapped(request, `mv -n ${file} ${place}`), '', request);
      }
    }
    // Said to replace it, or a folder that holds no such file: nothing is written over unasked.
    for (const request of [`move ${file} into ${place}, replacing the old one`, `copy ${file} to ${place} and overwrite it`, `update ${place}/${file} from ${file}`, `restore ${file} into ${place}`, `back up ${file} to ${place}`, `copy ${file} over the one in ${place}`]) {
      assert.equal(swapped(request, `cp ${file} ${place}`), '', request);
    }
    assert.equal(swapped(`move ${file} into old`, `mv ${file} old`), '');
  }
});

test('text added to a file is never planned as lines taken out', () => {
  const adds = ['append an empty line to', 'add an empty line to the end of', 'insert a blank line at the bottom of', 'add a blank line to', 'put an empty line at the end of', 'append a newline to', 'add a line break at the end of', 'insert an empty row into', 'append the line done to', "add the text 'ok' to"];
  const files = ['data.csv', 'notes.txt', 'README.md', 'logs/app.log', 'todo.txt'];
  let i = 0;
  for (const add of adds) {
    for (const f of files) {
      const request = dressed(`${add} ${f}`, i++);
      for (const plan of [`sed -i '/^$/d' ${f}`, `sed -i '$d' ${f}`, `sed -i -e '/^\\s*$/d' ${f}`, `sed -i '1d' ${f}`, `sed -i '/x/,/y/d' ${f}`, `grep -v '^$' ${f} > tmp && mv tmp ${f}`]) {
        assert.match(swapped(request, plan), /but the request asks to add text/, `${request} → ${plan}`);
      }
      assert.equal(swapped(request, `echo >> ${f}`), '', request);
      assert.equal(swapped(request, `sed -i '$a\\\\' ${f}`), '', request);
    }
  }
  for (const request of ['delete the empty lines in notes.txt', 'remove blank lines from data.csv', 'strip the empty lines from README.md and add a header']) {
    assert.equal(swapped(request, `sed -i '/^$/d' notes.txt`), '', request);
  }
});

test('an empty line added to a file is an append, never a touch or an edit that adds no line', () => {
  const adds = ['insert an empty line at the bottom of', 'add a blank line to the end of', 'append an empty line to', 'put a new line at the end of', 'tack on a blank line to', 'append a newline to', 'add a line break to'];
  const files = ['notes.txt', 'data.csv', 'todo.txt', 'logs/app.log'];
  let i = 0;
  let checked = 0;
  for (const add of adds) {
    for (const f of files) {
      const request = dressed(`${add} ${f}`, i++);
      for (const plan of [`touch ${f}`, `sed -i 's/[[:space:]]*$//' ${f}`, `sed -i 's/\r$//' ${f}`, `perl -pi -e 's/ +$//' ${f}`, `truncate -s 0 ${f}`]) {
        assert.match(swapped(request, plan), /adds no line, but the request asks to add one/, `${request} → ${plan}`);
        checked++;
      }
      for (const plan of [`echo >> ${f}`, `printf '\\n' >> ${f}`, `echo '' | tee -a ${f}`, `sed -i '$a\\' ${f}`, `sed -i '$G' ${f}`]) assert.doesNotMatch(swapped(request, plan), /adds no line/, `${request} → ${plan}`);
    }
  }
  assert.equal(checked, adds.length * files.length * 5);
  // Lines taken out, or a touch asked for, are no line added; a new line of text ("saying done") is text, judged as such; a plan that writes nothing changes no file here.
  for (const [request, plan] of [['strip trailing spaces from notes.txt', "sed -i 's/[[:space:]]*$//' notes.txt"], ['touch notes.txt', 'touch notes.txt'], ['remove the empty lines from data.csv', "sed -i '/^$/d' data.csv"], ['add a new line saying finished to todo.txt', 'touch todo.txt'], ['append a new line with TODO to notes.txt', 'touch notes.txt'], ['add a blank line to notes.txt', "sed 's/ *$//' notes.txt"]]) {
    assert.equal(swapped(request, plan), '', request);
  }
});

test('a request about the names of files is not planned as an edit of what they hold, or a rename of their folder', () => {
  const folders = ['docs', 'logs', 'src', 'old'];
  const asks = (d: string) => [
    `replace spaces with underscores in the file names in ${d}`, `change dashes to underscores in the names of the files in ${d}`, `rename the files in ${d} to lowercase`,
    `rename every file in ${d} to uppercase`, `rename all the .log files in ${d} to .txt`, `strip the spaces from the file names in ${d}`, `make every filename in ${d} lowercase`, `rename each file in ${d} so it starts with old_`,
  ];
  let i = 0;
  for (const d of folders) {
    for (const ask of asks(d)) {
      const request = dressed(ask, i++);
      assert.match(swapped(request, `grep -rlZ spaces ${d} | xargs -0 -r sed -i 's|spaces|underscores|g'`), /edits what the files hold/, request);
      assert.match(swapped(request, `find ${d} -type f -exec sed -i 's/-/_/g' {} +`), /edits what the files hold/, request);
      assert.match(swapped(request, `mv -n ${d} lowercase`), new RegExp(`renames the folder ${d}`), request);
      assert.equal(swapped(request, `for f in ${d}/*; do mv -n -- "$f" "$(echo "$f" | tr ' ' _)"; done`), '', request);
    }
  }
  assert.equal(swapped('replace foo with bar in notes.txt', "sed -i 's/foo/bar/g' notes.txt"), '');
  assert.equal(swapped('rename docs to manuals', 'mv -n docs manuals'), '');
});

test('a move or copy said to keep what is there is made to keep it, wherever the mv or cp stands', () => {
  let i = 0;
  for (const keep of keepWords) {
    const request = dressed(`move the files in sub to top ${keep}`, i++).toLowerCase();
    const made: [string, string][] = [
      ['find sub -type f -exec mv -t top {} +', 'find sub -type f -exec mv -n -t top {} +'],
      ['mv notes.txt docs', 'mv -n notes.txt docs'],
      ['cp -r a b && ls b', 'cp -n -r a b && ls b'],
      ['find sub -type f -print0 | xargs -0 mv -t top', 'find sub -type f -print0 | xargs -0 mv -n -t top'],
      ['rsync -a x.txt backup', 'rsync --ignore-existing -a x.txt backup'],
      ['mv -n a b', 'mv -n a b'],
      ['echo mv a b', 'echo mv a b'],
    ];
    for (const [plan, kept] of made) assert.equal(keepingExisting(request, plan), kept, `${request} → ${plan}`);
    assert.match(swapped(request, 'mv -n -f notes.txt docs'), /the request says to keep it/, request);
  }
  assert.equal(keepingExisting('move notes.txt to docs', 'mv notes.txt docs'), 'mv notes.txt docs');
});
