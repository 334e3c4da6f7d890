// Starts several teamWriterChild processes on one store, releases them at
// once, and gathers what each did: the multi-process half of the shared-store
// tests and bench.
import { spawn, type ChildProcess } from 'node:child_process';
import * as readline from 'node:readline';
import { scriptArgs } from './nodeArgs';

export interface WriterResult {
  done: number;
  ms: number;
}

function lines(child: ChildProcess): AsyncIterator<string> {
  return readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
}

export async function runWriters(target: string, mode: 'audit' | 'quota', writers: number, count: number, keyFile = ''): Promise<{ results: WriterResult[]; wallMs: number }> {
  const children = Array.from({ length: writers }, () => spawn(process.execPath, scriptArgs('test/support/teamWriterChild.ts', [target, mode, String(count), keyFile]), { stdio: ['pipe', 'pipe', 'inherit'] }));
  try {
    const outputs = children.map(lines);
    for (const out of outputs) {
      const first = await out.next();
      if (first.value !== 'ready') throw new Error(`a writer did not start: ${String(first.value)}`);
    }
    const started = performance.now();
    for (const child of children) child.stdin!.write('go\n');
    const results = await Promise.all(
      outputs.map(async (out) => {
        const line = await out.next();
        if (line.done) throw new Error('a writer exited without a result');
        return JSON.parse(line.value) as WriterResult;
      }),
    );
    return { results, wallMs: performance.now() - started };
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  }
}
