// The language-model tool API of VS Code 1.95+ (`vscode.lm.registerTool`,
// `invokeTool`, `prepareInvocation`), declared here because the project's
// @types/vscode is 1.90. Only what Paladin uses, as VS Code's own
// vscode.d.ts declares it; at run time the extension checks that it exists.

import 'vscode';

declare module 'vscode' {
  export class LanguageModelTextPart {
    value: string;
    constructor(value: string);
  }

  export class LanguageModelToolResult {
    content: Array<LanguageModelTextPart | unknown>;
    constructor(content: Array<LanguageModelTextPart | unknown>);
  }

  export type ChatParticipantToolToken = never;

  export interface LanguageModelToolInvocationOptions<T> {
    readonly toolInvocationToken: ChatParticipantToolToken | undefined;
    readonly input: T;
  }

  export interface LanguageModelToolInvocationPrepareOptions<T> {
    readonly input: T;
  }

  export interface LanguageModelToolConfirmationMessages {
    title: string;
    message: string | MarkdownString;
  }

  export interface PreparedToolInvocation {
    invocationMessage?: string | MarkdownString;
    confirmationMessages?: LanguageModelToolConfirmationMessages;
  }

  export interface LanguageModelTool<T> {
    invoke(options: LanguageModelToolInvocationOptions<T>, token: CancellationToken): ProviderResult<LanguageModelToolResult>;
    prepareInvocation?(options: LanguageModelToolInvocationPrepareOptions<T>, token: CancellationToken): ProviderResult<PreparedToolInvocation>;
  }

  export interface LanguageModelToolInformation {
    readonly name: string;
    readonly description: string;
    readonly inputSchema: object | undefined;
    readonly tags: readonly string[];
  }

  export namespace lm {
    export const tools: readonly LanguageModelToolInformation[];
    export function registerTool<T>(name: string, tool: LanguageModelTool<T>): Disposable;
    export function invokeTool(name: string, options: LanguageModelToolInvocationOptions<object>, token?: CancellationToken): Thenable<LanguageModelToolResult>;
  }
}
