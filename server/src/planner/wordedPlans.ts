// Plans built from how a request is worded, whatever retrieval found: what
// files hold, a copy said whole, lines to add, what is shown and kept, and a
// date in a format spelled out, a part of file names swapped, a mode for the
// folders or files of a folder. Each reader gives none when the wording is
// not its own.

import { emptyLineCandidates } from './addedLines';
import { folderModeCandidates } from './folderModes';
import { contentCandidates } from './contentQuestions';
import { dateFormatCandidates } from './dateFormats';
import type { EmbeddedCandidate } from './embeddedPlanner';
import { nameSwapCandidates } from './nameSubstitutions';
import type { RequestFacts } from './requestFacts';
import { screenAndFileCandidates } from './screenAndFile';
import { statedCopyCandidates } from './statedCopyPlans';

/** Every worded plan the readers find for the request. */
export function wordedCandidates(f: RequestFacts): EmbeddedCandidate[] {
  return [...contentCandidates(f), ...statedCopyCandidates(f), ...emptyLineCandidates(f), ...screenAndFileCandidates(f), ...dateFormatCandidates(f), ...nameSwapCandidates(f), ...folderModeCandidates(f)];
}
