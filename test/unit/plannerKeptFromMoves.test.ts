// What a request keeps out holds for every act, not only for deletes: a move,
// a copy or a change of mode of "everything in a folder except X" keeps the
// folder itself out of find's results (its first result), since mv and cp
// take a folder whole; and a file named alone after a comma ("into old, not
// api.md") is kept out as "except" keeps it. Commands are read by the real
// parser into the facts the policy sees.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { selectionCandidates } from '../../server/src/planner/findSelection';
import { readRequest, type WorkspaceNames } from '../../server/src/planner/requestFacts';
import { effectChecks } from '../support/policyDecision';

const ws: WorkspaceNames = {
  files: new Set(['site/index.html', 'site/app.css', 'notes/plan.txt', 'notes/todo.txt', 'media/cover.png']),
  dirs: new Set(['site', 'notes', 'media', 'attic', 'archive']),
  byBase: new Map([['index.html', 'site/index.html'], ['app.css', 'site/app.css'], ['plan.txt', 'notes/plan.txt'], ['todo.txt', 'notes/todo.txt'], ['cover.png', 'media/cover.png']]),
};
const { over } = effectChecks(ws);
const selection = (request: string) => selectionCandidates(readRequest(request, ws))[0]?.command ?? '';

const places: [folder: string, kept: string][] = [['site', 'index.html'], ['notes', 'plan.txt'], ['media', 'cover.png']];
const acts: [verb: string, program: string][] = [['move', 'mv -t attic'], ['relocate', 'mv -t attic'], ['copy', 'cp -r -t attic'], ['duplicate', 'cp -r -t attic']];
const keeping = ['except', 'but not', 'other than', 'apart from', 'excluding'];

test('a move or copy of everything in a folder, one name kept, never hands find its start folder', () => {
  let i = 0;
  for (const [folder, kept] of places) {
    for (const [verb, program] of acts) {
      const word = keeping[i++ % keeping.length];
      const request = `${verb} everything in ${folder} to attic ${word} ${kept}`;
      assert.match(over(request, `find ${folder} ! -name ${kept} -exec ${program} {} +`), /hands the folder .* itself to (?:mv|cp)/, request);
      assert.doesNotMatch(over(request, `find ${folder} -mindepth 1 -maxdepth 1 ! -name ${kept} -exec ${program} {} +`), /itself/, request);
      assert.doesNotMatch(over(request, `find ${folder} -type f ! -name ${kept} -exec ${program} {} +`), /itself/, request);
    }
  }
  assert.match(over('chmod 600 everything in notes except todo.txt', 'find notes ! -name todo.txt -exec chmod 600 {} +'), /hands the folder notes itself to chmod/);
  assert.match(over('copy the files in site to attic', 'find site -exec cp -r -t attic {} +'), /hands the folder site itself to cp/);
  assert.doesNotMatch(over('copy the files in site to attic', "find site -name '*.css' -exec cp -t attic {} +"), /itself/);
});

test('the plan built for such a move keeps to what is in the folder', () => {
  for (const [folder, kept] of places) {
    for (const verb of ['move', 'copy']) {
      const request = `${verb} everything in ${folder} to attic except ${kept}`;
      assert.match(selection(request), new RegExp(`^find ${folder} -mindepth 1 -maxdepth 1 ! -name ${kept.replace('.', '\\.')} -exec (?:mv|cp -r) -t attic \\{\\} \\+$`), request);
    }
  }
});

test('a file named alone after a comma, or after "but not", is kept out of a move or copy of a kind', () => {
  const kinds: [kind: string, folder: string, kept: string][] = [['.html', 'site', 'index.html'], ['.txt', 'notes', 'plan.txt'], ['.png', 'media', 'cover.png']];
  for (const [kind, folder, kept] of kinds) {
    for (const said of [`, not ${kept}`, ` but not ${kept}`, `, but not ${kept}`]) {
      for (const [verb, program] of [['move', 'mv'], ['copy', 'cp']]) {
        const request = `${verb} the ${kind} files in ${folder} into archive${said}`;
        assert.match(over(request, `find ${folder} -type f -name '*${kind}' -exec ${program} -t archive {} +`), new RegExp(`does not leave out ${kept.replace('.', '\\.')}`), request);
        assert.match(selection(request), new RegExp(`! -name ${kept.replace('.', '\\.')} -exec ${program} -t archive`), request);
      }
    }
  }
});

test('a folder called out, named as a folder, is emptied and kept', () => {
  const oneWs: WorkspaceNames = { files: new Set(['out/site.js']), dirs: new Set(['out', 'dist']), byBase: new Map([['site.js', 'out/site.js']]) };
  const checks = effectChecks(oneWs);
  for (const request of ['clear out the out folder', 'please clean out the out directory', 'empty the out folder', 'could you clear the out folder out']) {
    for (const command of ['rm -r out', 'rm -rf out', 'rmdir out', 'find out -delete']) assert.match(checks.over(request, command), /deletes the folder out itself/, `${request} :: ${command}`);
    assert.doesNotMatch(checks.over(request, 'find out -mindepth 1 -delete'), /itself/, request);
  }
});
