import { legRescreen, type Rescreen, type ScreenCheckIn } from '../../core/clinical/legRecheck';
import type { CheckInT, EpisodeT } from '../api/client';

/**
 * The core's leg rule over what this device has read (and the check-ins still waiting to be sent): the same answer
 * the server gives in `today.rescreen`, worked out here for the offline Today and as the check-in's fallback. The
 * device knows when a record was created, not when it last changed, so it counts each screen from its creation.
 */
export function screenCheckIns(checkIns: readonly Pick<CheckInT, 'at' | 'createdAt' | 'bodyMap' | 'safety'>[]): ScreenCheckIn[] {
  return checkIns.map((c) => ({ at: c.at, recordedAt: c.createdAt, bodyMap: c.bodyMap, screenedAt: c.safety ? c.createdAt : null }));
}

export function rescreenFrom(episode: Pick<EpisodeT, 'regions' | 'painNow' | 'createdAt'>, checkIns: readonly Pick<CheckInT, 'at' | 'createdAt' | 'bodyMap' | 'safety'>[]): Rescreen {
  return legRescreen({ regions: episode.regions, painNow: episode.painNow, screenedAt: episode.createdAt }, screenCheckIns(checkIns));
}
