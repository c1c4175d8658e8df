/**
 * `zwgk lint --cache`: the formatted output of stored results (see cache.ts), so that a re-run prints a
 * result without formatting it again. Outputs sit in segment files beside the cache file,
 * `<cache>.out-<id>`, each starting with the line `zwgk-output <id>`; the cache's header names its
 * segments by id and size, and each result line its output as [segment, offset, length].
 *
 * A run leaves the outputs it reuses where they are and appends those it formats to one new segment: a
 * re-run after one draft was edited writes that draft's output, not all of them again. When the
 * segments would hold more dead bytes than live ones, or more than MAX_SEGMENTS files, the live outputs
 * are copied into one new segment instead. A segment is written to a temporary file and renamed into
 * place, never changed afterwards; one the header does not name (any more) is deleted after the cache
 * is written. A segment that is missing, of another size or with another id is not used: the results it
 * held are formatted again from the cache line (which always holds the messages).
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { processAlive } from './write';

/** Segments up to this size are read in one piece (one read instead of one per result). */
const WHOLE_SEGMENT = 256 * 1024 * 1024;
/** More segments than this are merged into one. */
export const MAX_SEGMENTS = 8;

/** Where an output sits: segment number (in the header's list), offset, length. */
export type OutputRef = [number, number, number];

/** A segment as the header names it. */
export interface SegmentInfo {
  id: string;
  size: number;
}

interface OpenSegment extends SegmentInfo {
  fd: number;
  whole?: Buffer;
}

/** The new segment of this run (written to `tmp`). */
interface NewSegment extends SegmentInfo {
  fd: number;
  tmp: string;
}

/** What a segment file starts with. */
function prefixOf(id: string): Buffer {
  return Buffer.from(`zwgk-output ${id}\n`);
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

export function isOutputRef(v: unknown): v is OutputRef {
  return Array.isArray(v) && v.length === 3 && v.every(isCount);
}

export class OutputStore {
  /** The previous run's segments, by number; undefined where one cannot be used. */
  private readonly old: (OpenSegment | undefined)[] = [];
  private fresh?: NewSegment;
  private failed = false;
  /** This run's outputs: a ref into an old segment, or into the new one (segment -1). */
  private readonly placed = new Map<string, OutputRef>();

  /** `segments`: what the previous header named (anything; checked here). */
  constructor(private readonly cacheFile: string, segments: unknown) {
    if (!Array.isArray(segments)) return;
    for (const s of segments as Partial<SegmentInfo>[]) this.old.push(typeof s?.id === 'string' && /^[\w-]+$/.test(s.id) && isCount(s.size) ? this.open(s.id, s.size) : undefined);
  }

  private fileOf(id: string): string {
    return `${this.cacheFile}.out-${id}`;
  }

  private open(id: string, size: number): OpenSegment | undefined {
    let fd: number | undefined;
    try {
      fd = fs.openSync(this.fileOf(id), 'r');
      if (fs.fstatSync(fd).size !== size) throw new Error('size');
      const prefix = prefixOf(id);
      let whole: Buffer | undefined;
      let start: Buffer;
      if (size <= WHOLE_SEGMENT) start = whole = fs.readFileSync(fd);
      else {
        start = Buffer.alloc(prefix.length);
        fs.readSync(fd, start, 0, prefix.length, 0);
      }
      if (!start.subarray(0, prefix.length).equals(prefix)) throw new Error('id');
      return { id, size, fd, whole };
    } catch {
      if (fd !== undefined) fs.closeSync(fd);
      return undefined;
    }
  }

  /** The output at `ref` in the previous run's segments, if it is there. */
  read(ref: unknown): Buffer | undefined {
    if (!isOutputRef(ref)) return undefined;
    const [n, offset, length] = ref;
    const seg = this.old[n];
    return seg ? this.slice(seg, offset, length) : undefined;
  }

  private slice(seg: OpenSegment | NewSegment, offset: number, length: number): Buffer | undefined {
    if (offset < prefixOf(seg.id).length || offset + length > seg.size) return undefined;
    if ('whole' in seg && seg.whole) return seg.whole.subarray(offset, offset + length);
    const buf = Buffer.allocUnsafe(length);
    try {
      return fs.readSync(seg.fd, buf, 0, length, offset) === length ? buf : undefined;
    } catch {
      return undefined;
    }
  }

  /** An output of the previous run, printed again in this one (`ref` from `read`). */
  reuse(filePath: string, ref: OutputRef): void {
    this.placed.set(filePath, ref);
  }

  /** Whether this run's output for `filePath` is placed already (reused). */
  placedHas(filePath: string): boolean {
    return this.placed.has(filePath);
  }

  /** An output formatted in this run, in order. A failure to write is not an error: it is formatted again next time. */
  add(filePath: string, pieces: readonly Uint8Array[]): void {
    if (this.failed) return;
    try {
      const seg = (this.fresh ??= this.create());
      const start = seg.size;
      for (const p of pieces) {
        fs.writeSync(seg.fd, p);
        seg.size += p.length;
      }
      this.placed.set(filePath, [-1, start, seg.size - start]);
    } catch {
      this.failed = true;
    }
  }

  private create(): NewSegment {
    fs.mkdirSync(path.dirname(this.cacheFile), { recursive: true });
    const id = crypto.randomUUID();
    const tmp = `${this.fileOf(id)}.${process.pid}.tmp`;
    const fd = fs.openSync(tmp, 'w+');
    const prefix = prefixOf(id);
    fs.writeSync(fd, prefix);
    return { id, size: prefix.length, fd, tmp };
  }

  /** Whether this run wrote outputs (the cache must then be written). */
  get wrote(): boolean {
    return this.fresh !== undefined;
  }

  /**
   * Before the cache is written: the segments it names and where each output sits in them. `carried`
   * are the refs (previous numbering) of results kept from earlier runs for files not in this run.
   * Renames the new segment into place; `discard` undoes that if the cache cannot be written.
   */
  commit(carried: ReadonlyMap<string, unknown>): { segments: SegmentInfo[]; refOf: (filePath: string) => OutputRef | 0; discard: () => void } {
    const live = new Map<string, OutputRef>();
    if (!this.failed) for (const [p, ref] of this.placed) live.set(p, ref);
    for (const [p, ref] of carried) if (!live.has(p) && isOutputRef(ref) && this.old[ref[0]]) live.set(p, ref);
    const usedOld = [...new Set([...live.values()].map((r) => r[0]).filter((n) => n >= 0))].sort((a, b) => a - b);
    const liveBytes = [...live.values()].reduce((s, r) => s + r[2], 0);
    const totalBytes = usedOld.reduce((s, n) => s + this.old[n]!.size, 0) + (this.fresh && !this.failed ? this.fresh.size : 0);
    const count = usedOld.length + (this.fresh && !this.failed ? 1 : 0);
    let segments: SegmentInfo[];
    let refOf: (filePath: string) => OutputRef | 0;
    let renamed: string | undefined;
    try {
      if (count > MAX_SEGMENTS || liveBytes * 2 < totalBytes) {
        // Merged: every live output copied into one new segment, in order.
        const merged = this.create();
        const moved = new Map<string, OutputRef>();
        for (const [p, [n, offset, length]] of live) {
          const buf = n < 0 ? this.slice(this.fresh!, offset, length) : this.slice(this.old[n]!, offset, length);
          if (!buf) continue;
          moved.set(p, [0, merged.size, length]);
          fs.writeSync(merged.fd, buf);
          merged.size += length;
        }
        this.dropFresh();
        this.fresh = merged;
        segments = [{ id: merged.id, size: merged.size }];
        refOf = (p) => moved.get(p) ?? 0;
      } else {
        const number = new Map(usedOld.map((n, i) => [n, i]));
        segments = usedOld.map((n) => ({ id: this.old[n]!.id, size: this.old[n]!.size }));
        const freshAt = segments.length;
        if (this.fresh && !this.failed) segments.push({ id: this.fresh.id, size: this.fresh.size });
        else this.dropFresh();
        refOf = (p) => {
          const r = live.get(p);
          return r ? [r[0] < 0 ? freshAt : number.get(r[0])!, r[1], r[2]] : 0;
        };
      }
      if (this.fresh) {
        fs.closeSync(this.fresh.fd);
        fs.renameSync(this.fresh.tmp, (renamed = this.fileOf(this.fresh.id)));
        this.fresh = undefined;
      }
    } catch {
      // No stored outputs this time: formatted again next run.
      this.dropFresh();
      segments = [];
      refOf = () => 0;
    }
    const discard = () => {
      if (renamed) fs.rmSync(renamed, { force: true });
    };
    return { segments, refOf, discard };
  }

  private dropFresh(): void {
    if (!this.fresh) return;
    try {
      fs.closeSync(this.fresh.fd);
    } catch {
      // already closed
    }
    fs.rmSync(this.fresh.tmp, { force: true });
    this.fresh = undefined;
  }

  /**
   * Closes the files; with `keep` (the segments the cache now names), deletes the other segment files of
   * this cache, and the temporary files (of the cache and its segments) that a killed run left behind.
   */
  close(keep?: readonly SegmentInfo[]): void {
    for (const seg of this.old) if (seg) fs.closeSync(seg.fd);
    this.dropFresh();
    if (!keep) return;
    const names = new Set(keep.map((s) => path.basename(this.fileOf(s.id))));
    const dir = path.dirname(this.cacheFile);
    const base = path.basename(this.cacheFile);
    let entries: string[];
    try {
      entries = fs.readdirSync(dir);
    } catch {
      return;
    }
    for (const name of entries) {
      // Segments of this cache (and the single output file of earlier versions); the temporary files of
      // a run that is still going are its own.
      const temp = name.startsWith(`${base}.`) ? /\.(\d+)\.tmp$/.exec(name) : null;
      const ours = temp ? !processAlive(Number(temp[1])) : (name.startsWith(`${base}.out-`) || name === `${base}.output`);
      if (!ours || names.has(name)) continue;
      try {
        fs.rmSync(path.join(dir, name), { force: true });
      } catch {
        // left for a later run
      }
    }
  }
}
