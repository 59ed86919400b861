import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

let root: string | undefined;

/**
 * The repository root (the folder with nest-cli.json), found from this file in source or in dist,
 * for files that are not compiled: views, bundled data, node_modules assets.
 */
export function projectRoot(): string {
  if (root) return root;
  let dir = __dirname;
  while (!existsSync(join(dir, 'nest-cli.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the project root (nest-cli.json) above ${__dirname}`);
    dir = parent;
  }
  root = dir;
  return dir;
}
