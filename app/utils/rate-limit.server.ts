import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "./env.server";
import { createRateLimitStore } from "./rate-limit-store.server";

/**
 * Rate limits live behind this small interface (SPEC "Scale-out"). Their counters are in the
 * database (rate-limit-store.server.ts), so they hold across instances and restarts.
 */
export type Limiter = {
  /** Counts one event for `key`; returns the seconds to wait when the limit is exceeded. */
  consume(key: string, points?: number): Promise<{ ok: true } | { ok: false; retryAfter: number }>;
  /** Whether `key` is already over the limit, without counting. */
  isBlocked(key: string): Promise<{ blocked: false } | { blocked: true; retryAfter: number }>;
  reward(key: string): Promise<void>;
};

export function createLimiter(options: { keyPrefix: string; points: number; durationSeconds: number }): Limiter {
  // Created at first use: modules define their limiters at load time, before any request.
  let store: RateLimiterAbstract | undefined;
  const limiter = () => (store ??= createRateLimitStore(options));
  const disabled = () => env().RATE_LIMIT_DISABLED;
  return {
    async consume(key, points = 1) {
      if (disabled()) return { ok: true };
      try {
        await limiter().consume(key, points);
        return { ok: true };
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          return { ok: false, retryAfter: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
        }
        throw error;
      }
    },
    async isBlocked(key) {
      if (disabled()) return { blocked: false };
      const res = await limiter().get(key);
      if (res && res.consumedPoints >= options.points) {
        return { blocked: true, retryAfter: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
      }
      return { blocked: false };
    },
    async reward(key) {
      await limiter().delete(key);
    },
  };
}

/** The client address the server put in the load context (docs/decisions/003). */
export function clientIp(context: unknown): string {
  const ip = (context as { clientIp?: string } | undefined)?.clientIp;
  return ip || "unknown";
}
