import { closeSync, fstatSync, openSync, readSync, statSync, constants } from "node:fs";

/** Larger than any real schema, lock file or package.json; a bigger file is a mistake, not input. */
export const MAX_TEXT_FILE_BYTES = 50 * 1024 * 1024;

export type TextFile = { ok: true; text: string } | { ok: false; error: string };

const KINDS: [(s: import("node:fs").Stats) => boolean, string][] = [
  [(s) => s.isDirectory(), "a directory"],
  [(s) => s.isFIFO(), "a FIFO"],
  [(s) => s.isSocket(), "a socket"],
  [(s) => s.isCharacterDevice() || s.isBlockDevice(), "a device"],
];

function notRegular(stats: import("node:fs").Stats): string | undefined {
  if (stats.isFile()) return undefined;
  const kind = KINDS.find(([test]) => test(stats))?.[1] ?? "not a regular file";
  return `not a regular file (${kind})`;
}

/**
 * Reads a text file the user pointed at, refusing what is not one before it can hurt: a FIFO
 * or device would block the read forever (and with it the editor), a huge file would eat the
 * memory, binary data would parse into nonsense. stat first, then open without blocking.
 */
export function readTextFile(path: string, { what = "text file", limit = MAX_TEXT_FILE_BYTES } = {}): TextFile {
  let fd: number;
  try {
    const before = notRegular(statSync(path));
    if (before) return { ok: false, error: before };
    // O_NONBLOCK: a FIFO swapped in after the stat still cannot block the open.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, error: `cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  try {
    const stats = fstatSync(fd);
    const kind = notRegular(stats);
    if (kind) return { ok: false, error: kind };
    if (stats.size > limit) return { ok: false, error: `${mb(stats.size)} is over the ${mb(limit)} limit for a ${what}` };
    const bytes = Buffer.alloc(stats.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    const body = bytes.subarray(0, read);
    const binaryAt = binaryOffset(body);
    if (binaryAt >= 0) return { ok: false, error: `not a ${what} (binary data at byte ${binaryAt})` };
    return { ok: true, text: body.toString("utf8") };
  } catch (error) {
    return { ok: false, error: `cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  } finally {
    closeSync(fd);
  }
}

function mb(bytes: number): string {
  const value = bytes / (1024 * 1024);
  return `${value >= 10 ? Math.round(value) : value.toFixed(1)} MB`;
}

/**
 * Offset of the first byte that shows the data is not UTF-8 text, or -1: a NUL, a byte sequence
 * that is not UTF-8, or - when control characters other than tab, line breaks and form feed make
 * up more than a tenth of the first 8 KB - the first of them.
 */
export function binaryOffset(bytes: Uint8Array): number {
  let controls = 0;
  let firstControl = -1;
  const sample = Math.min(bytes.length, 8192);
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      if (b === 0) return i;
      if ((b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13) || b === 0x7f) {
        if (i < sample) controls++;
        if (firstControl < 0) firstControl = i;
      }
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8 either.
    const second = bytes[i + 1]!;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return sample > 0 && controls * 10 > sample ? firstControl : -1;
}
