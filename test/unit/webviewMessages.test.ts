import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isFromWebview, isToWebview } from '../../server/src/protocol/webview';

test('the host accepts only well-formed messages from the view', () => {
  assert.ok(isFromWebview({ type: 'ready' }));
  assert.ok(isFromWebview({ type: 'run', turnId: 't-1', command: 'ls', approved: false }));
  assert.ok(!isFromWebview({ type: 'run', turnId: 't-1', command: 'ls', approved: 'yes' }), 'approval must be a boolean');
  assert.ok(!isFromWebview({ type: 'run', turnId: '../x', command: 'ls', approved: true }), 'ids are plain');
  assert.ok(!isFromWebview({ type: 'setting', key: 'x' }), 'unknown types are dropped');
  assert.ok(!isFromWebview({ type: 'copy', command: 'x'.repeat(20_000) }), 'oversized commands are dropped');
  assert.ok(!isFromWebview({ type: 'toString' }));
  assert.ok(!isFromWebview(null));
  assert.ok(!isFromWebview('ready'));
});

test('the view accepts only well-formed messages from the host', () => {
  assert.ok(isToWebview({ type: 'runOutput', runId: 'r-1', chunks: [{ stream: 'stdout', text: 'hi' }] }));
  assert.ok(!isToWebview({ type: 'runOutput', runId: 'r-1', chunks: [{ stream: 'html', text: 'hi' }] }));
  assert.ok(isToWebview({ type: 'status', view: { running: false, trusted: true, why: 'x' } }));
  assert.ok(!isToWebview({ type: 'status', view: { running: 'no', trusted: true } }));
  assert.ok(!isToWebview({ type: 'eval', code: 'x' }));
});
