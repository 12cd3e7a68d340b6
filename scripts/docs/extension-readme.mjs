#!/usr/bin/env node
// The extension's page (VS Code's Extensions view, the Marketplace) shows README.md's users'
// sections and leaves out the developers' set-up. README.md marks them with
// `<!-- extension-page -->` … `<!-- /extension-page -->`; this joins the marked blocks, so the two
// pages share one text and cannot drift. `npm run package` writes the result to
// .tmp/extension-readme.md and packages it with `vsce --readme-path` (vsce then rewrites its
// relative links and pictures to the repository: see the "package" script).
//
//   node scripts/docs/extension-readme.mjs [out.md]   # default: print it
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const START = '<!-- extension-page -->';
export const END = '<!-- /extension-page -->';

/** The marked blocks of `readme`, in order, separated by a blank line. A marker is a line of its own. */
export function extensionReadme(readme) {
  const blocks = [];
  let open;
  const lines = readme.split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === START) {
      if (open !== undefined) throw new Error(`README.md:${i + 1}: ${START} inside the block opened on line ${open + 1}`);
      open = i;
    } else if (line.trim() === END) {
      if (open === undefined) throw new Error(`README.md:${i + 1}: ${END} without ${START}`);
      blocks.push(lines.slice(open + 1, i).join('\n').trim());
      open = undefined;
    }
  });
  if (open !== undefined) throw new Error(`README.md:${open + 1}: ${START} has no ${END}`);
  if (blocks.length === 0) throw new Error(`README.md has no ${START} block`);
  return `${blocks.join('\n\n')}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const text = extensionReadme(fs.readFileSync(path.join(root, 'README.md'), 'utf8'));
  const out = process.argv[2];
  if (!out) process.stdout.write(text);
  else {
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    fs.writeFileSync(out, text);
  }
}
