#!/usr/bin/env node
// Checks the packaged .vsix: what it holds is what the extension needs and nothing else.
//   - every file of dist/ except the CLI (and source maps) is in it: the extension loads bundles
//     such as cookie.js lazily, so a missing one fails only when a user runs that command
//   - the bundles require nothing but Node built-ins and `vscode` (no node_modules ship)
//   - no node_modules, sources, tests or fixtures
//   - its README (the extension's page) is README.md's users' part, pictures on the repository host
// Prints the size and the file list.
//
//   node scripts/vscode-test/check-vsix.mjs [file.vsix]
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { name, version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const vsix = path.resolve(process.argv[2] ?? path.join(ROOT, `${name}-${version}.vsix`));
// yauzl comes with @vscode/vsce (a devDependency), which reads .vsix files with it.
const yauzl = createRequire(createRequire(import.meta.url).resolve('@vscode/vsce/package.json'))('yauzl');

const entries = await new Promise((resolve, reject) => {
  yauzl.open(vsix, { lazyEntries: true }, (err, zip) => {
    if (err) return reject(err);
    const found = new Map();
    zip.on('entry', (entry) => {
      const readText = (entry.fileName.startsWith('extension/dist/') && entry.fileName.endsWith('.js')) || entry.fileName === 'extension/readme.md';
      if (!readText) {
        found.set(entry.fileName, { size: entry.uncompressedSize });
        return zip.readEntry();
      }
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks = [];
        stream.on('data', (c) => chunks.push(c));
        stream.on('end', () => {
          found.set(entry.fileName, { size: entry.uncompressedSize, text: Buffer.concat(chunks).toString('utf8') });
          zip.readEntry();
        });
      });
    });
    zip.on('end', () => resolve(found));
    zip.on('error', reject);
    zip.readEntry();
  });
});

const problems = [];
const names = [...entries.keys()];
for (const required of ['extension/package.json', 'extension/readme.md', 'extension/LICENSE.txt', 'extension/dist/extension.js']) {
  if (!entries.has(required)) problems.push(`missing ${required}`);
}
for (const file of fs.readdirSync(path.join(ROOT, 'dist'))) {
  if (file === 'cli.js' || file.endsWith('.map')) continue;
  if (!entries.has(`extension/dist/${file}`)) problems.push(`dist/${file} is not in the .vsix (add it to .vscodeignore)`);
}
for (const entry of names) {
  if (/^extension\/(node_modules|src|test|scripts|bench|docs|examples|\.tools|\.tmp)\//.test(entry) || /\.map$|\.ts$/.test(entry)) {
    problems.push(`should not ship: ${entry}`);
  }
}
if (entries.has('extension/dist/cli.js')) problems.push('should not ship: extension/dist/cli.js (the CLI ships through npm)');
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
// Requires that bundled drivers make inside try/catch or behind an opt-in, and cope without.
const OPTIONAL = new Set([
  'pg-native', // pg: only for `pg.native`
  // The session lookup's MySQL and SQL Server drivers: loaded from the project's node_modules
  // first (src/core/lookup/drivers/project-driver.ts); the editor's bundle leaves them out and
  // says which package to install when the project has none.
  'mysql2/promise',
  'tedious',
]);
// Issue 12's budget for the whole .vsix; the bundles are measured in docs/architecture.md.
const MAX_VSIX_BYTES = 1_200_000;
if (fs.statSync(vsix).size > MAX_VSIX_BYTES) problems.push(`the .vsix is ${(fs.statSync(vsix).size / 1024).toFixed(1)} KB, over the 1.2 MB budget`);
// The extension's page: README.md's users' sections (scripts/docs/extension-readme.mjs), with
// pictures on the repository host that the "package" script's --baseImagesUrl names, each a
// file of this checkout (so it exists there once pushed), and no developers' set-up.
const readme = entries.get('extension/readme.md')?.text ?? '';
const imagesBase = /--baseImagesUrl (\S+)/.exec(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.package)?.[1];
if (/npm ci\b/.test(readme)) problems.push('extension/readme.md holds the developers\' set-up (npm ci): package README.md\'s users\' sections only');
const pictures = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g), ...readme.matchAll(/<img[^>]+src=["']([^"']+)/g)].map((m) => m[1]);
if (pictures.length === 0) problems.push('extension/readme.md shows no pictures');
for (const src of pictures) {
  if (!imagesBase || !src.startsWith(imagesBase)) problems.push(`extension/readme.md: picture ${src.slice(0, 80)} is not on ${imagesBase} (VS Code 1.103+ drops data: and relative sources)`);
  else if (!fs.existsSync(path.join(ROOT, src.slice(imagesBase.length)))) problems.push(`extension/readme.md: ${src} has no file ${src.slice(imagesBase.length)} in this checkout`);
}
for (const [entry, { text }] of entries) {
  if (text === undefined || !entry.endsWith('.js')) continue;
  // esbuild writes require("x") with double quotes; 'x' in single quotes is text in error messages.
  for (const [, module] of text.matchAll(/require\("([^"./][^"]*)"\)/g)) {
    if (module !== 'vscode' && !builtins.has(module) && !OPTIONAL.has(module)) problems.push(`${entry} requires "${module}", which the .vsix does not ship`);
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`check-vsix: ${path.relative(ROOT, vsix)}: ${kb(fs.statSync(vsix).size)}, ${names.length} files`);
for (const entry of names.sort()) console.log(`  ${entry}  ${kb(entries.get(entry).size)}`);

if (problems.length) {
  for (const problem of [...new Set(problems)]) console.error(`check-vsix: ERROR: ${problem}`);
  process.exit(1);
}
console.log('check-vsix: ok');
