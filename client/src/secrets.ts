// The OpenAI API key lives in VS Code's SecretStorage only. It reaches the
// server in memory (`paladin/setSecret`), never through settings, the
// database or a log.

import * as vscode from 'vscode';

const KEY = 'paladin.openai.apiKey';

export function getOpenAiKey(context: vscode.ExtensionContext): Thenable<string | undefined> {
  return context.secrets.get(KEY);
}

/** Asks for the key; an empty answer removes it. Returns the new value, or undefined when cancelled. */
export async function promptOpenAiKey(context: vscode.ExtensionContext): Promise<{ value: string | null } | undefined> {
  const value = await vscode.window.showInputBox({
    title: 'Paladin: OpenAI API key',
    prompt: 'Stored in VS Code\'s secret storage, never in settings. Leave empty to remove the stored key.',
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (v !== '' && !/^[\x21-\x7e]{8,400}$/.test(v) ? 'An API key is 8 to 400 printable characters without spaces.' : undefined),
  });
  if (value === undefined) return undefined;
  if (value === '') {
    await context.secrets.delete(KEY);
    return { value: null };
  }
  await context.secrets.store(KEY, value);
  return { value };
}
