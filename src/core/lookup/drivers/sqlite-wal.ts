// sql.js opens a copy of the database file in memory, so it cannot see the write-ahead log an
// app in WAL mode keeps beside it (`<file>-wal`): recent sessions would look missing. This
// replays the log's committed frames onto the copy the way SQLite's recovery does (salts and
// cumulative checksums must match; frames after the last valid commit are ignored), then marks
// the copy as a rollback-journal database so sql.js opens it without looking for a log.
// Format: https://www.sqlite.org/fileformat2.html#walformat

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

function checksum(bytes: Uint8Array, start: number, end: number, bigEndian: boolean, seed: [number, number]): [number, number] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let [s0, s1] = seed;
  for (let i = start; i < end; i += 8) {
    s0 = (s0 + view.getUint32(i, !bigEndian) + s1) >>> 0;
    s1 = (s1 + view.getUint32(i + 4, !bigEndian) + s0) >>> 0;
  }
  return [s0, s1];
}

/** The database image with the WAL's committed pages applied; the input when the log is empty or invalid. */
export function applyWal(db: Uint8Array, wal: Uint8Array | undefined): Uint8Array {
  let image = db;
  if (wal && wal.length >= WAL_HEADER) {
    const view = new DataView(wal.buffer, wal.byteOffset, wal.byteLength);
    const magic = view.getUint32(0);
    const pageSize = view.getUint32(8);
    if ((magic === 0x377f0682 || magic === 0x377f0683) && pageSize >= 512 && pageSize <= 65536) {
      const bigEndian = (magic & 1) === 1;
      const salt1 = view.getUint32(16);
      const salt2 = view.getUint32(20);
      let sum = checksum(wal, 0, 24, bigEndian, [0, 0]);
      if (sum[0] === view.getUint32(24) && sum[1] === view.getUint32(28)) {
        const pending = new Map<number, number>(); // page number -> frame offset, since the last commit
        const committed = new Map<number, number>();
        let dbPages = 0;
        for (let at = WAL_HEADER; at + FRAME_HEADER + pageSize <= wal.length; at += FRAME_HEADER + pageSize) {
          if (view.getUint32(at + 8) !== salt1 || view.getUint32(at + 12) !== salt2) break;
          sum = checksum(wal, at, at + 8, bigEndian, sum);
          sum = checksum(wal, at + FRAME_HEADER, at + FRAME_HEADER + pageSize, bigEndian, sum);
          if (sum[0] !== view.getUint32(at + 16) || sum[1] !== view.getUint32(at + 20)) break;
          pending.set(view.getUint32(at), at + FRAME_HEADER);
          const commitSize = view.getUint32(at + 4);
          if (commitSize > 0) {
            for (const [page, offset] of pending) committed.set(page, offset);
            pending.clear();
            dbPages = commitSize;
          }
        }
        if (dbPages > 0) {
          image = new Uint8Array(dbPages * pageSize);
          image.set(db.subarray(0, Math.min(db.length, image.length)));
          for (const [page, offset] of committed) if (page <= dbPages) image.set(wal.subarray(offset, offset + pageSize), (page - 1) * pageSize);
        }
      }
    }
  }
  // Header bytes 18/19 (write/read format) are 2 in WAL mode; 1 makes SQLite read the image alone.
  if (image.length >= 100 && (image[18] === 2 || image[19] === 2)) {
    if (image === db) image = db.slice();
    image[18] = 1;
    image[19] = 1;
  }
  return image;
}
