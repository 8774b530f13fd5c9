import net from "node:net";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "./env.server";
import { createRateLimitStore } from "./rate-limit-store.server";

/**
 * Rate limits live behind this small interface (SPEC "Scale-out"). Their counters are in the
 * database (rate-limit-store.server.ts), so they hold across instances and restarts.
 */
export type Limiter = {
  /**
   * Counts one event for `key` atomically, before the work it guards: parallel callers cannot all
   * pass. Returns the seconds to wait when the limit is exceeded.
   */
  consume(key: string, points?: number): Promise<{ ok: true } | { ok: false; retryAfter: number }>;
  /** Whether `key` is already over the limit, without counting. */
  isBlocked(key: string): Promise<{ blocked: false } | { blocked: true; retryAfter: number }>;
  /** Gives back points counted by `consume` (an attempt that turned out to be legitimate). */
  refund(key: string, points?: number): Promise<void>;
  /** Forgets every point counted for `key`. */
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
    async refund(key, points = 1) {
      if (disabled()) return;
      await limiter().reward(key, points);
    },
    async reward(key) {
      await limiter().delete(key);
    },
  };
}

/**
 * The per-client rate-limit key from the address the server put in the load context
 * (docs/decisions/003): an IPv4 address as is, an IPv6 address by its /64 network, since one
 * subscriber usually holds a whole /64 and could otherwise rotate through it (docs/decisions/017).
 */
export function clientIp(context: unknown): string {
  const ip = (context as { clientIp?: string } | undefined)?.clientIp;
  return ip ? addressKey(ip) : "unknown";
}

export function addressKey(address: string): string {
  const ip = address.split("%")[0];
  const mapped = ip.toLowerCase().startsWith("::ffff:") ? ip.slice("::ffff:".length) : null;
  if (mapped && net.isIPv4(mapped)) return mapped;
  if (!net.isIPv6(ip)) return address;
  const [head, tail = ""] = ip.split("::");
  const groups = (part: string) => (part ? part.split(":") : []);
  // An embedded IPv4 address at the end stands for two groups.
  const width = (parts: string[]) => parts.reduce((n, part) => n + (part.includes(".") ? 2 : 1), 0);
  const headGroups = groups(head);
  const tailGroups = groups(tail);
  const missing = ip.includes("::") ? 8 - width(headGroups) - width(tailGroups) : 0;
  const full = [...headGroups, ...Array<string>(missing).fill("0"), ...tailGroups];
  const prefix = full.slice(0, 4).map((group) => (group.includes(".") ? group : parseInt(group, 16).toString(16)));
  return `${prefix.join(":")}::/64`;
}
