// A stand-in for an OpenAI-compatible endpoint on 127.0.0.1:
//   POST /v1/chat/completions  server-sent events (`data: {chunk}` ... `data: [DONE]`)
//                              or one JSON completion when "stream" is not true
//   GET  /v1/models
//   errors as OpenAI sends them: {"error":{"message","type","code"}} with 401,
//   404, 429 (+ Retry-After) or 500.
// The test supplies answers through `chat`; nothing is hard-coded here.
//
//   const api = await startOpenAiStandIn({ apiKey: 'k', chat: (req) => JSON.stringify({...}) });
//   ... settings.openai.baseUrl = api.url (ends in /v1) ...
//   await api.close();

import type * as http from 'node:http';
import { promptWords } from './ollamaStandIn';
import { serve, streamPieces, tokenise, wait, type Misbehaviour, type StandIn } from './standInHttp';

export interface OpenAiChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  stream: boolean;
  response_format?: unknown;
  stream_options?: { include_usage?: boolean };
}

export interface OpenAiReply extends Misbehaviour {
  content?: string;
  /** Send this HTTP status with an OpenAI error body instead of an answer. */
  status?: number;
  message?: string;
  /** Seconds, sent as Retry-After (with 429). */
  retryAfter?: number;
  /** Stream these pieces instead of splitting `content`. */
  pieces?: string[];
  /** Leave out the final chunk with finish_reason and `[DONE]`. */
  unfinished?: boolean;
  /** Send this raw text as an SSE data line (e.g. invalid JSON). */
  rawData?: string;
  /** Token counts reported (default: words in the messages, pieces sent). */
  usage?: { prompt: number; completion: number };
}

export interface OpenAiStandInOptions {
  /** When set, requests without `Authorization: Bearer <apiKey>` get 401. */
  apiKey?: string;
  /** Models accepted (default: any); others get 404 model_not_found. */
  models?: string[];
  chat?: (request: OpenAiChatRequest) => string | OpenAiReply | Promise<string | OpenAiReply>;
}

export async function startOpenAiStandIn(options: OpenAiStandInOptions = {}): Promise<StandIn> {
  return serve(async (req, body, res) => {
    const url = req.url ?? '';
    if (options.apiKey !== undefined && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      return error(res, 401, 'Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key');
    }
    if (req.method === 'GET' && url === '/v1/models') {
      return json(res, 200, { object: 'list', data: (options.models ?? []).map((id) => ({ id, object: 'model', created: 0, owned_by: 'stand-in' })) });
    }
    if (req.method === 'POST' && url === '/v1/chat/completions') {
      const b = body as OpenAiChatRequest;
      if (options.models && !options.models.includes(b.model)) {
        return error(res, 404, `The model \`${b.model}\` does not exist or you do not have access to it.`, 'invalid_request_error', 'model_not_found');
      }
      if (!options.chat) return error(res, 500, 'the stand-in was given no chat script', 'server_error', null);
      const scripted = await options.chat({ ...b, stream: b.stream === true });
      const reply: OpenAiReply = typeof scripted === 'string' ? { content: scripted } : scripted;
      if (reply.delayMs) await wait(reply.delayMs);
      if (reply.status) {
        const headers: Record<string, string> = reply.retryAfter !== undefined ? { 'retry-after': String(reply.retryAfter) } : {};
        const type = reply.status === 429 ? 'rate_limit_exceeded' : reply.status >= 500 ? 'server_error' : 'invalid_request_error';
        return error(res, reply.status, reply.message ?? `error ${reply.status}`, type, type, headers);
      }
      const id = `chatcmpl-standin-${Date.now()}`;
      const base = { id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: b.model };
      const content = reply.content ?? '';
      const pieces = reply.pieces ?? tokenise(content);
      const counts = { prompt_tokens: reply.usage?.prompt ?? promptWords(b.messages), completion_tokens: reply.usage?.completion ?? pieces.length };
      const usage = { ...counts, total_tokens: counts.prompt_tokens + counts.completion_tokens };
      if (b.stream !== true) {
        return json(res, 200, { id, object: 'chat.completion', created: base.created, model: b.model, choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }], usage });
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const events: string[] = [`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] })}\n\n`];
      if (reply.rawData !== undefined) events.push(`data: ${reply.rawData}\n\n`);
      for (const piece of pieces) events.push(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] })}\n\n`);
      if (!reply.unfinished) {
        events.push(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`);
        // As OpenAI does: usage only when asked for, in a last chunk without choices.
        if (b.stream_options?.include_usage) events.push(`data: ${JSON.stringify({ ...base, choices: [], usage })}\n\n`);
        events.push('data: [DONE]\n\n');
      }
      if (await streamPieces(res, events, reply)) res.end();
      return;
    }
    error(res, 404, `Unknown request URL: ${req.method} ${url}`, 'invalid_request_error', 'unknown_url');
  }, '/v1');
}

function json(res: http.ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(value));
}

function error(res: http.ServerResponse, status: number, message: string, type: string, code: string | null, headers: Record<string, string> = {}): void {
  json(res, status, { error: { message, type, param: null, code } }, headers);
}
