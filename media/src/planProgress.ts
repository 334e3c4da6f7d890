// What the card shows while a plan is being made: a model's words as they
// stream in, or the embedded planner's steps one after another.

import type { PlanProgressItem } from '../../server/src/protocol/webview';

/** The "Planning…" text after one more progress item. */
export function progressText(shown: string, p: PlanProgressItem): string {
  switch (p.kind) {
    case 'token':
      return shown + p.text;
    case 'candidate':
      return `Candidate: ${p.command}`;
    case 'step':
      return shown ? `${shown} → ${p.text}` : p.text;
    default:
      return shown;
  }
}
