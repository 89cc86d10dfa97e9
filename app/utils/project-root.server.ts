// Files the server reads at run time (citation styles, the Word reader's worker) live in the repository,
// not in the build: this finds the repository's folder from wherever the running code was built to.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | null = null;

/** The folder holding package.json, found upwards from this module (source, Vite build or esbuild bundle). */
export function projectRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) {
      root = process.cwd();
      return root;
    }
    dir = parent;
  }
  root = dir;
  return root;
}

export const projectFile = (...parts: string[]) => join(projectRoot(), ...parts);
