/** Which database DATABASE_URL names (docs/decisions/023). No side effects: scripts import it. */
export type DbProvider = "sqlite" | "postgresql";

export function providerOf(url: string): DbProvider {
  return /^postgres(?:ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}
