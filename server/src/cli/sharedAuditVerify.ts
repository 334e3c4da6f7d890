// `paladin audit verify` with a team database: the chain every instance
// appends to lives there, so that is the one walked (with the key file every
// instance shares, as `paladin serve` finds it).

import { openTeamStore } from '../gateway/teamStore';
import type { VerifyReport } from '../records';
import type { Settings } from '../settings/settings';

export async function verifySharedAudit(settings: Settings, signal?: AbortSignal): Promise<VerifyReport> {
  const team = await openTeamStore(settings);
  if (!team) throw new Error('No team database is set (paladin.database.url or PALADIN_DATABASE_URL).');
  try {
    return await team.audit.verify({ signal });
  } finally {
    await team.close();
  }
}
