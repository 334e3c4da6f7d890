// Does a planned command parse as bash? Uses sh-syntax (mvdan/sh compiled to
// WASM). The package's own `parse` compiles and starts a fresh WASM instance
// per call (about 15-30 ms); a plan must be faster than that, so one compiled
// module is kept and an instance is reused for a bounded amount of input.
// The bound matters: the embedded Go runtime's garbage collector faults once
// its heap fills (measured: after roughly 180-250 kB of parsed input), so an
// instance is retired well before that, and any runtime fault retires it too.

import * as fs from 'node:fs';
import * as path from 'node:path';
// Loading the package registers the Go runtime glue (globalThis.Go).
import 'sh-syntax';

export interface ParseOutcome {
  ok: boolean;
  /** The parser's message, e.g. `1:6: reached EOF without closing quote`. */
  error?: string;
}

interface GoInstance {
  exports: {
    memory: WebAssembly.Memory;
    wasmAlloc(n: number): number;
    wasmFree(p: number): void;
    process(...args: (number | boolean)[]): number;
  };
  budget: number;
}

declare const Go: new () => { importObject: WebAssembly.Imports; run(instance: WebAssembly.Instance): Promise<void> };

const BUDGET_BYTES = 48 * 1024;
const PER_CALL_OVERHEAD = 256;

let modulePromise: Promise<WebAssembly.Module> | undefined;
let current: GoInstance | undefined;
let spare: Promise<GoInstance> | undefined;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function wasmModule(): Promise<WebAssembly.Module> {
  if (!modulePromise) {
    const entry = require.resolve('sh-syntax');
    const file = path.join(path.dirname(entry), '..', 'main.wasm');
    modulePromise = WebAssembly.compile(fs.readFileSync(file));
  }
  return modulePromise;
}

async function freshInstance(): Promise<GoInstance> {
  const mod = await wasmModule();
  const go = new Go();
  const instance = await WebAssembly.instantiate(mod, go.importObject);
  void go.run(instance);
  return { exports: instance.exports as unknown as GoInstance['exports'], budget: BUDGET_BYTES };
}

async function take(cost: number): Promise<GoInstance> {
  if (!current || current.budget < cost) {
    current = await (spare ?? freshInstance());
    spare = undefined;
  }
  current.budget -= cost;
  // Keep the next instance ready so retiring one never stalls a request.
  if (!spare && current.budget < BUDGET_BYTES / 2) spare = freshInstance();
  return current;
}

/** Parse `command` as bash. Never throws for bad input; throws only if the parser cannot load. */
export async function parseBash(command: string): Promise<ParseOutcome> {
  const text = encoder.encode(command);
  const cost = text.byteLength * 2 + PER_CALL_OVERHEAD;
  if (cost > BUDGET_BYTES) return parseOnce(command);
  for (let attempt = 0; attempt < 2; attempt++) {
    const inst = await take(cost);
    try {
      return run(inst, text);
    } catch {
      // A runtime fault: retire this instance and try once on a fresh one.
      if (current === inst) current = undefined;
    }
  }
  return parseOnce(command);
}

async function parseOnce(command: string): Promise<ParseOutcome> {
  return run(await freshInstance(), encoder.encode(command));
}

function run(inst: GoInstance, text: Uint8Array): ParseOutcome {
  const { memory, wasmAlloc, wasmFree, process } = inst.exports;
  const pointer = wasmAlloc(Math.max(1, text.byteLength));
  new Uint8Array(memory.buffer).set(text, pointer);
  // Arguments as sh-syntax's processor passes them: no file name, parse (not print),
  // drop comments, bash variant, no stopAt, no error recovery, printer defaults.
  const result = process(0, 0, 0, pointer, text.byteLength, text.byteLength, false, false, 1, 0, 0, 0, 0, false, 2, true, true, true, false, false, false, false);
  wasmFree(pointer);
  const bytes = new Uint8Array(memory.buffer).subarray(result);
  const json = decoder.decode(bytes.subarray(0, bytes.indexOf(0)));
  const parsed = JSON.parse(json) as { parseError?: { Text: string; Pos?: { Line: number; Col: number } } | null; message?: string };
  if (parsed.parseError) return { ok: false, error: parsed.message || parsed.parseError.Text };
  if (parsed.message) return { ok: false, error: parsed.message };
  return { ok: true };
}
