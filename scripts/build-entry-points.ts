import fs from "node:fs";
import path from "node:path";
import { type Plugin, build } from "esbuild";

/**
 * Part of `npm run build`: bundles the command-line entry points to dist/*.js (ESM, packages left in node_modules),
 * so a production install pruned of devDependencies runs them with plain node — no tsx.
 */
export const entryPoints = [
  "start",
  "worker",
  "webhook",
  "db-migrate",
  "db-seed",
  "db-seed-reference",
  "admin-create",
  "apikey-create",
  "zalo-sim",
];

/** A package's own files, read from node_modules, or null when it is not installed. */
function packageJson(root: string, name: string): { exports?: unknown } | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8"));
  } catch {
    return null;
  }
}

/**
 * Node's ESM loader does not add extensions: `next/headers` from a package without an exports map (next) must be
 * written `next/headers.js`. `server-only` throws outside React's server bundle, and these are plain node processes.
 */
function nodeEsmImports(root: string): Plugin {
  return {
    name: "node-esm-imports",
    setup(b) {
      b.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
      b.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "" }));
      b.onResolve({ filter: /^(@[^/]+\/)?[^./@][^/]*\/.+/ }, (args) => {
        const parts = args.path.split("/");
        const name = args.path.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
        const pkg = packageJson(root, name);
        if (!pkg || pkg.exports || path.extname(args.path)) return { path: args.path, external: true };
        const withJs = `${args.path}.js`;
        return { path: fs.existsSync(path.join(root, "node_modules", withJs)) ? withJs : args.path, external: true };
      });
    },
  };
}

export async function buildEntryPoints(root = process.cwd(), outdir = path.join(root, "dist")): Promise<string[]> {
  fs.rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: entryPoints.map((name) => ({ in: `scripts/${name}.ts`, out: name })),
    outdir,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    plugins: [nodeEsmImports(root)],
    // The bundles run from the repository root (migrations and .next are found from the working directory).
    banner: { js: "// Built by scripts/build-entry-points.ts (npm run build); edit the sources in scripts/." },
    logLevel: "warning",
  });
  return entryPoints.map((name) => path.join(outdir, `${name}.js`));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = await buildEntryPoints();
  console.log(`Đã đóng gói ${files.length} lệnh vào dist/ / bundled ${files.length} entry points into dist/.`);
}
