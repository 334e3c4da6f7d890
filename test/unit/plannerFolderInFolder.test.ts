// "the X folder in Y" names Y/X: the folder said after "in" bounds a delete,
// so the top-level X, or Y as a whole, is never what goes. Wordings are built
// from parts: verbs × inner × outer folders × links, with the plans that
// dropped the outer folder.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { folderInFolder } from '../../server/src/planner/folderInFolder';
import { effectChecks } from '../support/policyDecision';

const { over } = effectChecks();
const verbs = ['delete', 'remove', 'get rid of', 'trash', 'erase', 'please delete', 'could you remove'];
const inner = ['src', 'docs', 'out', 'logs', 'my docs', 'old'];
const outer = ['backup', 'out', 'docs', 'archive'];
const links = ['in', 'in the', 'inside', 'inside the', 'within', 'under the'];
const quoted = (p: string) => (/\s/.test(p) ? `'${p}'` : p);

test('a delete of "the X folder in Y" that drops Y is turned away', () => {
  for (const verb of verbs) {
    for (const x of inner) {
      for (const y of outer.filter((o) => o !== x)) {
        for (const link of links) {
          const request = `${verb} the ${x} folder ${link} ${y}`;
          assert.equal(folderInFolder(request), `${y}/${x}`, request);
          for (const plan of [`rm -r ${quoted(x)}`, `find ${quoted(x)} -mindepth 1 -delete`, `rsync -a --delete ${quoted(x)}/ ${y}/`, `rm -rf ${y}`]) {
            assert.match(over(request, plan), /but the request names only the folder/, `${request} → ${plan}`);
          }
          assert.doesNotMatch(over(request, `rm -r -- ${quoted(`${y}/${x}`)}`), /names only the folder/, request);
          assert.doesNotMatch(over(request, `find ${quoted(`${y}/${x}`)} -type f -delete`), /names only the folder/, request);
        }
      }
    }
  }
});

test('a folder said alone, or "in" a word that names no folder, is not bounded by another', () => {
  for (const verb of verbs) {
    assert.doesNotMatch(over(`${verb} the docs folder`, 'rm -r docs'), /names only the folder/);
    assert.doesNotMatch(over(`${verb} the build folder in this project`, 'rm -r build'), /names only the folder/);
    assert.doesNotMatch(over(`${verb} the build folder in the workspace`, 'rm -r build'), /names only the folder/);
  }
});

test('a chmod, an edit or a copy of "the X folder in Y" keeps to Y/X, as a delete does', () => {
  for (const x of inner) {
    for (const y of outer.filter((o) => o !== x)) {
      for (const link of links) {
        const at = quoted(`${y}/${x}`);
        const acts: [string, string[], string][] = [
          [`make the ${x} folder ${link} ${y} read-only`, [`chmod a-w ${quoted(x)}`, `chmod -R a-w ${quoted(x)}`, `chmod a-w ${y}`], `chmod a-w ${at}`],
          [`chmod 700 the ${x} folder ${link} ${y}`, [`chmod 700 ${quoted(x)}`], `chmod 700 ${at}`],
          [`chown bob the ${x} folder ${link} ${y}`, [`chown -R bob ${quoted(x)}`], `chown -R bob ${at}`],
          [`copy the ${x} folder ${link} ${y} to dist`, [`cp -r ${quoted(x)} dist`, `rsync -a ${quoted(x)} dist`], `cp -r ${at} dist`],
          [`compress the ${x} folder ${link} ${y}`, [`gzip -r ${quoted(x)}`], `gzip -r ${at}`],
        ];
        for (const [request, wrong, right] of acts) {
          for (const plan of wrong) assert.match(over(request, plan), /but the request names only the folder/, `${request} → ${plan}`);
          assert.doesNotMatch(over(request, right), /names only the folder/, `${request} → ${right}`);
        }
      }
    }
  }
  // The folder is where a copy goes: what it copies comes from elsewhere.
  assert.doesNotMatch(over('copy notes.txt into the docs folder in backup', 'cp notes.txt backup/docs'), /names only the folder/);
});
