import type { Rescorer } from './context';
import type { Announce } from './router';

/**
 * The background's one change feed. The router announces what each successful message declares
 * it invalidates, and the scoring announces the end of every full rescore; the buyer index and
 * the `dataChanged` broadcast listen. Nothing else sends change signals.
 */
export class ChangeFeed {
  private readonly listeners: Announce[] = [];

  listen(listener: Announce): void {
    this.listeners.push(listener);
  }

  readonly announce: Announce = (change) => {
    for (const listener of this.listeners) listener(change);
  };
}

/**
 * The rescorer as handlers use it: a full rescore (started by a message, an import's end, a
 * settings change or a restore) announces "buyers changed" when it ends, so no caller has to
 * remember to, and pages show the new classes without a reload. A rescore that failed part-way
 * has still rewritten some buyers, so it announces too.
 */
export function announcingRescorer(rescorer: Rescorer, announce: Announce): Rescorer {
  const announceAll = () => announce({ buyerKeys: [], kinds: ['buyers'] });
  const resume = rescorer.resumeIfNeeded?.bind(rescorer);
  return {
    async afterWrite(touched) {
      // On a new shop day (or a worker's first write) the rescorer runs a full rescore instead.
      const before = rescorer.status().finishedAt;
      await rescorer.afterWrite(touched);
      if (rescorer.status().finishedAt !== before) announceAll();
    },
    async full(opts) {
      try {
        return await rescorer.full(opts);
      } finally {
        announceAll();
      }
    },
    status: rescorer.status.bind(rescorer),
    resumeIfNeeded: resume
      ? async () => {
          const done = await resume();
          if (done) announceAll();
          return done;
        }
      : undefined,
    suggestActions: rescorer.suggestActions.bind(rescorer),
    explain: rescorer.explain?.bind(rescorer),
  };
}
