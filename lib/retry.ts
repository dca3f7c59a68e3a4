export interface RetryTuning {
  maxAttempts: number;
  retryBaseMs: number;
  retryCapMs: number;
}

/**
 * Delay before the next attempt after `attempt` failures: base·2^(attempt−1), capped, ±20 % jitter so
 * a burst of failures does not come back as a burst. Defaults (1 min, 1 h cap, 12 attempts) span ≈ 6 h.
 */
export function retryDelayMs(attempt: number, t: RetryTuning, random: () => number = Math.random): number {
  const exp = Math.min(t.retryCapMs, t.retryBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp * (0.8 + 0.4 * random()));
}

/** Whether another attempt is allowed after `attempts` tries. */
export function canRetry(attempts: number, t: RetryTuning): boolean {
  return attempts < t.maxAttempts;
}
