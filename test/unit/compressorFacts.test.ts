// What a compressor writes, as the real policy (OPA WASM) sees it: the
// compressed or unpacked file beside its input, whether the input is kept
// (-k, zstd's default) or not; nothing at all to stdout, listed or tested.
// A request to compress is then not set aside as "changes nothing".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPolicyEngine } from '../../server/src/policy';
import { fallsShort } from '../../server/src/planner/fallsShort';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest } from '../../server/src/planner/requestFacts';

const WS = '/home/dev/project';

async function effects(command: string): Promise<{ writes: string[]; deletes: string[] }> {
  const engine = await createPolicyEngine();
  const { risk } = await engine.check(command, { workspace: WS });
  return { writes: [...risk.writes].sort(), deletes: [...risk.deletes].sort() };
}

test('a kept input still gets its compressed file written beside it', async () => {
  assert.deepEqual(await effects('xz -k notes.txt'), { writes: ['notes.txt.xz'], deletes: [] });
  assert.deepEqual(await effects('bzip2 -k a.csv b.csv'), { writes: ['a.csv.bz2', 'b.csv.bz2'], deletes: [] });
  assert.deepEqual(await effects('gzip --keep -S .gzip log.txt'), { writes: ['log.txt.gzip'], deletes: [] });
  assert.deepEqual(await effects('zstd data.bin'), { writes: ['data.bin.zst'], deletes: [] });
});

test('an input that is not kept is written and deleted, its compressed file written', async () => {
  assert.deepEqual(await effects('gzip notes.txt'), { writes: ['notes.txt', 'notes.txt.gz'], deletes: ['notes.txt'] });
  assert.deepEqual(await effects('zstd --rm data.bin'), { writes: ['data.bin', 'data.bin.zst'], deletes: ['data.bin'] });
});

test('unpacking writes the name without its suffix', async () => {
  assert.deepEqual(await effects('xz -dk notes.txt.xz'), { writes: ['notes.txt'], deletes: [] });
  assert.deepEqual(await effects('bunzip2 -k a.csv.bz2'), { writes: ['a.csv'], deletes: [] });
  assert.deepEqual(await effects('gunzip src.tgz'), { writes: ['src.tar', 'src.tgz'], deletes: ['src.tgz'] });
});

test('to stdout, listed or tested: nothing is written', async () => {
  for (const c of ['xz -kc notes.txt', 'gzip -l a.gz', 'bzip2 -t a.bz2', 'xz --stdout notes.txt']) assert.deepEqual(await effects(c), { writes: [], deletes: [] }, c);
});

test('a request to compress with xz or bzip2 is not set aside as changing nothing', async () => {
  const engine = await createPolicyEngine();
  for (const [request, command] of [['compress notes.txt with xz', 'xz -k notes.txt'], ['compress notes.txt with bzip2, keep the original', 'bzip2 -k notes.txt']]) {
    const decision = await engine.check(command, { workspace: WS, facts: true });
    assert.deepEqual(fallsShort(readIntent(readRequest(request)), decision), [], `${request} → ${command}`);
  }
});
