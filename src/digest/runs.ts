// Effectively-once digests: an intent saved before the first message, progress per part, a check of the channel's
// history for parts Slack may have accepted when the app could not record it, and memory for writes that failed.
import type { Logger } from 'pino';
import type { DigestRun, DigestStore } from '../store/state.ts';
import { tryWrite } from '../store/failures.ts';
import { MarkerType, type DigestPoster, type Marker } from './poster.ts';

/** A digest in flight, with what memory knows beyond the database. */
export interface LiveRun extends DigestRun {
  /** Slack may have accepted the next part without the app knowing (a crash, a timeout): check before posting it. */
  uncertain: boolean;
  /** A write about this run failed; it holds what the database does not. */
  unsaved: boolean;
}

export type RunOutcome = 'sent' | 'unsaved' | 'failed';

/** How far back before a run's start the history is read, for clocks that disagree. */
const HISTORY_SLACK_MS = 10 * 60_000;

export const runKey = (channelId: string, slot: string): string => `${channelId}/${slot}`;
/** The marker key: channel, slot and when the run started, so a digest never matches another install's or an earlier run's. */
const markerKey = (run: DigestRun): string => `${run.channelId}/${run.slot}/${run.startedAt}`;

export class DigestRuns {
  private live = new Map<string, LiveRun>();

  constructor(private store: DigestStore, private log: Logger, private now: () => Date) {}

  /** Digests a previous process left in flight: each may have parts Slack accepted that the database does not know. */
  load(): number {
    for (const r of this.store.pendingRuns()) this.live.set(runKey(r.channelId, r.slot), { ...r, uncertain: true, unsaved: false });
    return this.live.size;
  }

  /** Runs in flight for a channel, oldest first. */
  of(channelId: string): LiveRun[] {
    return [...this.live.values()].filter((r) => r.channelId === channelId).sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  }

  get pending(): boolean {
    return [...this.live.values()].some((r) => r.unsaved);
  }

  /** Saves the intent, then posts. Nothing is posted when the intent cannot be saved: the next tick tries again. */
  async begin(poster: DigestPoster, run: DigestRun): Promise<RunOutcome> {
    const saved = tryWrite(() => this.store.startRun(run));
    if (!saved.ok) {
      this.log.error({ channel: run.channelId, slot: run.slot, reason: saved.reason }, `digest not posted: its state cannot be saved (${saved.reason}); it is tried again at the next tick`);
      return 'unsaved';
    }
    const live: LiveRun = { ...run, uncertain: false, unsaved: false };
    this.live.set(runKey(run.channelId, run.slot), live);
    return this.deliver(poster, live);
  }

  /**
   * Posts what is left of a run. A part that may have reached Slack is first looked for in the channel's history by
   * its marker. Throws the poster's errors (channel gone, Slack unavailable); the run stays in flight for the next tick.
   */
  async deliver(poster: DigestPoster, run: LiveRun): Promise<RunOutcome> {
    const n = run.messages.length;
    if (run.unsaved && run.posted >= n) return this.flushRun(run) ? 'sent' : 'unsaved';
    const key = markerKey(run);
    if (run.uncertain && run.posted < n) {
      const since = new Date(Date.parse(run.startedAt) - HISTORY_SLACK_MS);
      const parts = await poster.postedParts(run.channelId, MarkerType.Digest, key, since);
      if (parts === null) {
        this.log.warn({ channel: run.channelId, slot: run.slot }, 'cannot read the channel history to see which digest parts Slack already accepted (is channels:history / groups:history granted?); re-posting the parts not recorded');
      } else {
        const before = run.posted;
        while (parts.has(run.posted)) run.posted++;
        if (run.posted > before) this.log.info({ channel: run.channelId, slot: run.slot, found: run.posted - before }, 'digest parts already in the channel, not posted again');
        this.saveProgress(run);
      }
      run.uncertain = false;
    }
    for (let i = run.posted; i < n; i++) {
      const marker: Marker = { type: MarkerType.Digest, key, part: i, parts: n, payload: { slot: run.slot, channel: run.channelId } };
      try {
        await poster.post(run.channelId, run.messages[i] as Record<string, unknown>, marker);
      } catch (err) {
        run.uncertain = true;
        throw err;
      }
      run.posted = i + 1;
      this.saveProgress(run);
    }
    return this.flushRun(run) ? 'sent' : 'unsaved';
  }

  /** Retries the writes that failed; true when nothing is left unsaved. */
  flush(): boolean {
    for (const run of this.live.values()) {
      if (!run.unsaved) continue;
      if (run.posted >= run.messages.length) this.flushRun(run);
      else if (tryWrite(() => this.store.runProgress(run.channelId, run.slot, run.posted)).ok) run.unsaved = false;
    }
    return !this.pending;
  }

  /** Forgets a channel's runs (its digest was turned off, or it is gone). */
  drop(channelId: string): void {
    for (const run of this.of(channelId)) {
      this.live.delete(runKey(run.channelId, run.slot));
      const w = tryWrite(() => this.store.dropRun(run.channelId, run.slot));
      if (!w.ok) this.log.warn({ channel: channelId, reason: w.reason }, 'could not clear a digest in flight; it is checked against the channel history at the next start');
    }
  }

  private saveProgress(run: LiveRun): void {
    const w = tryWrite(() => this.store.runProgress(run.channelId, run.slot, run.posted));
    if (!w.ok) {
      run.unsaved = true;
      this.log.error({ channel: run.channelId, slot: run.slot, posted: run.posted, reason: w.reason }, `digest progress not saved (${w.reason}); kept in memory and retried`);
    }
  }

  /** Records a fully posted run; on failure it stays in memory and the channel gets no further digest until saved. */
  private flushRun(run: LiveRun): boolean {
    const w = tryWrite(() => this.store.finishRun(run, this.now()));
    if (!w.ok) {
      run.unsaved = true;
      this.log.error({ channel: run.channelId, slot: run.slot, reason: w.reason }, `digest posted but not recorded (${w.reason}); kept in memory, not posted again, and the write is retried`);
      return false;
    }
    this.live.delete(runKey(run.channelId, run.slot));
    return true;
  }
}
