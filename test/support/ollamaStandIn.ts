// A stand-in for an Ollama server, speaking its wire protocol on 127.0.0.1:
//   POST /api/chat   streamed NDJSON ({"message":{"content":...},"done":false} ... {"done":true})
//                    or one JSON object when "stream": false
//   POST /api/embed  {"embeddings": number[][]}
//   GET  /api/tags   {"models": [{"name": ...}]}
//   errors as Ollama sends them: {"error":"model 'x' not found"} with 404.
// The test supplies the answers through `chat` (and optionally `embed`);
// nothing is hard-coded here.
//
//   const ollama = await startOllamaStandIn({ models: ['llama3'], chat: (req) => JSON.stringify({...}) });
//   ... settings.ollama.url = ollama.url ...
//   await ollama.close();

import type * as http from 'node:http';
import { serve, streamPieces, tokenise, wait, type Misbehaviour, type StandIn } from './standInHttp';

export interface OllamaChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  stream: boolean;
  format?: unknown;
}

/** A scripted answer: the content, or an error, plus how to misbehave. */
export interface OllamaReply extends Misbehaviour {
  content?: string;
  /** Send this HTTP status with {"error": error} instead of an answer. */
  status?: number;
  error?: string;
  /** Stream these pieces instead of splitting `content`. */
  pieces?: string[];
  /** Stream an error object mid-answer, as Ollama does when a model fails while generating. */
  streamError?: string;
  /** Token counts the last chunk reports (default: words in the messages, pieces sent). */
  usage?: { prompt: number; completion: number };
}

export interface OllamaStandInOptions {
  /** Models /api/tags lists and /api/chat accepts (default: any model). */
  models?: string[];
  chat?: (request: OllamaChatRequest) => string | OllamaReply | Promise<string | OllamaReply>;
  /** Vectors for /api/embed (default: a deterministic 8-dimension vector per text). */
  embed?: (input: string[], model: string) => number[][] | Promise<number[][]>;
  /** Misbehaviour for /api/embed. */
  embedReply?: Misbehaviour & { status?: number; error?: string };
}

export async function startOllamaStandIn(options: OllamaStandInOptions = {}): Promise<StandIn> {
  return serve(async (req, body, res) => {
    const url = req.url ?? '';
    if (req.method === 'GET' && url === '/api/tags') {
      return json(res, 200, { models: (options.models ?? []).map((name) => ({ name, model: name, modified_at: new Date(0).toISOString(), size: 0, digest: '', details: {} })) });
    }
    if (req.method === 'POST' && url === '/api/embed') {
      const b = body as { model: string; input: string | string[] };
      if (options.models && !options.models.includes(b.model)) return json(res, 404, { error: `model '${b.model}' not found` });
      const r = options.embedReply ?? {};
      if (r.delayMs) await wait(r.delayMs);
      if (r.status) return json(res, r.status, { error: r.error ?? 'error' });
      const input = Array.isArray(b.input) ? b.input : [b.input];
      const embeddings = options.embed ? await options.embed(input, b.model) : input.map(defaultVector);
      return json(res, 200, { model: b.model, embeddings, total_duration: 1, load_duration: 0, prompt_eval_count: input.length });
    }
    if (req.method === 'POST' && url === '/api/chat') {
      const b = body as OllamaChatRequest;
      const request: OllamaChatRequest = { ...b, stream: b.stream !== false };
      if (options.models && !options.models.includes(b.model)) return json(res, 404, { error: `model '${b.model}' not found` });
      if (!options.chat) return json(res, 500, { error: 'the stand-in was given no chat script' });
      const scripted = await options.chat(request);
      const reply: OllamaReply = typeof scripted === 'string' ? { content: scripted } : scripted;
      if (reply.delayMs) await wait(reply.delayMs);
      if (reply.status) return json(res, reply.status, { error: reply.error ?? 'error' });
      const content = reply.content ?? '';
      const base = { model: b.model, created_at: new Date().toISOString() };
      const pieces = reply.pieces ?? tokenise(content);
      const counts = { prompt_eval_count: reply.usage?.prompt ?? promptWords(b.messages), eval_count: reply.usage?.completion ?? pieces.length };
      if (!request.stream) {
        return json(res, 200, { ...base, message: { role: 'assistant', content }, done: true, done_reason: 'stop', total_duration: 1, load_duration: 0, prompt_eval_duration: 1, eval_duration: 1, ...counts });
      }
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      const lines = pieces.map((piece) => JSON.stringify({ ...base, message: { role: 'assistant', content: piece }, done: false }) + '\n');
      if (reply.streamError) lines.push(JSON.stringify({ error: reply.streamError }) + '\n');
      else lines.push(JSON.stringify({ ...base, message: { role: 'assistant', content: '' }, done: true, done_reason: 'stop', total_duration: 1, load_duration: 0, prompt_eval_duration: 1, eval_duration: 1, ...counts }) + '\n');
      if (await streamPieces(res, lines, reply)) res.end();
      return;
    }
    json(res, 404, { error: `no such endpoint: ${req.method} ${url}` });
  });
}

function json(res: http.ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
}

/** A stand-in's token count for a prompt: its words. */
export function promptWords(messages: { content: string }[]): number {
  return messages.reduce((n, m) => n + m.content.split(/\s+/).filter(Boolean).length, 0);
}

function defaultVector(text: string): number[] {
  const v = new Array<number>(8).fill(0);
  for (let i = 0; i < text.length; i++) v[text.charCodeAt(i) % 8] += 1;
  return v;
}
