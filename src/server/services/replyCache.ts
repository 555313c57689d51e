/**
 * The last reply worked out per key (an episode), kept while its stamp holds: the stamp names everything the reply
 * was worked out from (the episode's generation, which every write a plan reads bumps, the day, the time zone, the
 * episode's own fields), so a changed input is a miss, never a stale reply. Least recently used entries go first.
 */
export function replyCache<T>(capacity: number) {
  const entries = new Map<string, { stamp: string; value: T }>();
  return {
    get(key: string, stamp: string): T | undefined {
      const entry = entries.get(key);
      if (!entry || entry.stamp !== stamp) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key: string, stamp: string, value: T): void {
      entries.delete(key);
      entries.set(key, { stamp, value });
      if (entries.size > capacity) entries.delete(entries.keys().next().value as string);
    },
    get size() {
      return entries.size;
    },
  };
}
export type ReplyCache<T> = ReturnType<typeof replyCache<T>>;
