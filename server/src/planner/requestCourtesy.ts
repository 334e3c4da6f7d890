// "kindly list the markdown files in docs", "go ahead and copy data.csv to
// backup", "I'd like to move notes.txt into docs": words of courtesy before
// the request say nothing about what is asked. Left in, they were read as
// words of the request and changed its plan ("move" planned as `cp`, a kind
// of file dropped from a search, a plain copy abstained), so the request is
// read without them. "I'd like to know …" is a question, and stays one.

const opening = /^\s*(?:(?:please|pls|kindly|just|quickly|now|so|ok(?:ay)?|alright|all right|hey(?: there)?|hi(?: there)?|hello|go ahead and|(?:can|could|would|will) you(?: please| kindly)?|help me|let'?s|i'?d like(?: you)? to|i would like(?: you)? to|i want(?: you)? to|i need(?: you)? to)(?:\s*[,!:]\s*|\s+))+(?!(?:know|learn|understand|ask|find out|wonder)\b)/i;

/** The request without its opening words of courtesy, when anything is left. */
export function withoutCourtesy(request: string): string {
  const m = opening.exec(request);
  if (!m) return request;
  const rest = request.slice(m[0].length);
  return /\w/.test(rest) ? rest : request;
}
