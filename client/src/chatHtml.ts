// The chat view's page: the webview script and style under a strict content
// security policy (a fresh nonce each time, nothing loaded from elsewhere).

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export function chatHtml(extensionUri: vscode.Uri, webview: vscode.Webview): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'media', 'chat.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'chat.css'));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Paladin</title>
</head>
<body>
<main id="app" aria-label="Paladin chat"></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
