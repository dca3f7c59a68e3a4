/**
 * The house's walls, checked by `npm run lint`: imports between folders run one way (no circle of folders, of any
 * length), db/ imports nothing from lib/, and app/ and components/ take only types from db/. A folder is one
 * domain of lib/ or of components/ (lib/dossiers, components/ui), or a top-level folder. Tests are left out.
 */
import fs from "node:fs";
import path from "node:path";

const ROOTS = ["app", "components", "db", "lib", "scripts", "bench", "e2e"];
const SOURCE = /\.(ts|tsx)$/;
const TEST = /\.(test|spec)\.tsx?$/;
const IMPORT = /(?:import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sourceFiles(root: string, dir: string): string[] {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : sourceFiles(root, rel);
    return SOURCE.test(e.name) && !TEST.test(e.name) ? [rel] : [];
  });
}

/** lib/dossiers/receive.ts → lib/dossiers; lib/log.ts → lib/log; components/ui/x.tsx → components/ui; app/… → app */
export function folderOf(file: string): string {
  const parts = file.split("/");
  if ((parts[0] === "lib" || parts[0] === "components") && parts.length > 1) {
    return `${parts[0]}/${parts[1].replace(SOURCE, "").replace(/\.d$/, "")}`;
  }
  return parts[0];
}

function importsOf(root: string, file: string): Edge[] {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  const edges: Edge[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[2] ?? m[3];
    let target: string;
    if (spec.startsWith("@/")) target = spec.slice(2);
    else if (spec.startsWith(".")) target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
    else continue;
    edges.push({ from: file, to: target, typeOnly: Boolean(m[1]) });
  }
  return edges;
}

/** Folder groups that import each other, directly or round a longer loop (Tarjan's strongly connected components). */
function circles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

export function wallBreaches(root: string): string[] {
  const edges = ROOTS.flatMap((dir) => sourceFiles(root, dir)).flatMap((f) => importsOf(root, f));
  const graph = new Map<string, Set<string>>();
  const breaches: string[] = [];
  for (const e of edges) {
    const [a, b] = [folderOf(e.from), folderOf(e.to)];
    if (a === "db" && b.startsWith("lib/")) breaches.push(`db/ imports lib/: ${e.from} → ${e.to}`);
    if ((a === "app" || a.startsWith("components/")) && b === "db" && !e.typeOnly)
      breaches.push(`${a} takes more than types from db/: ${e.from} → ${e.to}`);
    if (a !== b) graph.set(a, (graph.get(a) ?? new Set()).add(b));
  }
  for (const group of circles(graph)) {
    const ties = edges
      .filter((e) => folderOf(e.from) !== folderOf(e.to))
      .filter((e) => group.includes(folderOf(e.from)) && group.includes(folderOf(e.to)))
      .map((e) => `    ${e.from} → ${e.to}`);
    breaches.push(`folders import each other: ${group.join(", ")}\n${[...new Set(ties)].join("\n")}`);
  }
  return breaches;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const breaches = wallBreaches(process.cwd());
  for (const b of breaches) console.error(b);
  if (breaches.length) process.exit(1);
  console.log("import walls: kept");
}
