// The chat view's script (built by esbuild into dist/media/chat.js). It keeps
// the conversation in the webview state so it survives hiding and reloading
// (chatState.ts), renders with DOM nodes and textContent only (never HTML
// strings), and talks to the extension host through typed, validated
// messages (messages.ts).

import { isToWebview } from '../../server/src/protocol/webview';
import { post } from './chatState';
import { mountLayout, renderAll } from './layout';
import { onMessage } from './messages';

mountLayout();

window.addEventListener('message', (event: MessageEvent) => {
  // Only the extension host posts to this window; anything of another shape is ignored.
  if (!isToWebview(event.data)) return;
  onMessage(event.data);
});

renderAll();
post({ type: 'ready' });
