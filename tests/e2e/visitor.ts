/**
 * A random private address for X-Forwarded-For (the e2e server trusts the proxy header): each test
 * acts as its own visitor, so the per-IP rate limits of one test never hit another.
 */
export const randomIp = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
