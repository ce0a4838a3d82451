/** Node's timers hold at most 2^31−1 ms (24.8 days); a longer wait would fire at once, not never. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A delay as a timer can hold it: capped at {@link MAX_TIMER_MS}, never negative. */
export const timerMs = (ms: number) => Math.min(Math.max(ms, 0), MAX_TIMER_MS);
