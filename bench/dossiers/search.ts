export async function runSearchBenchmark(): Promise<{ ok: boolean; lines: string[] }> {
  throw new Error("search benchmark: waiting for the dossier list query");
}
