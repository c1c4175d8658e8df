/**
 * Drafts read once per run. Choosing the drafts (draft-filter.ts) reads and decodes a file that no config
 * governs to look at its metadata; the index pass then reads it again for its summary and the lint pass
 * a third time. In a one-thread run without --fix, what the choice read of a whole file is kept here
 * (within a budget) and handed to the two passes; the lint pass takes it out again.
 *
 * Not used with --fix: a file to be rewritten is read right before it is linted, so the check against
 * concurrent writers (write.ts) compares with what was just read. Not used by worker threads either
 * (they read for themselves): the memo is cleared when a run goes to workers.
 */
import type { Stats } from 'node:fs';
import type { DecodedText } from './encoding';

export interface MemoEntry {
  bytes: Buffer;
  /** Undefined when only the file's head was decoded (the passes decode the bytes when they need them). */
  decoded?: DecodedText;
  stat: Stats;
}

/** Bytes kept at most (about twice as much memory with the decoded texts): 2,000 drafts of 10 KB. */
export const READ_MEMO_BYTES = 24 * 1024 * 1024;

export class ReadMemo {
  private readonly entries = new Map<string, MemoEntry>();
  private bytes = 0;

  constructor(private readonly budget = READ_MEMO_BYTES) {}

  /** Keeps what was read of the whole file `file`, if the budget allows. */
  put(file: string, entry: MemoEntry): void {
    if (this.entries.has(file) || this.bytes + entry.bytes.length > this.budget) return;
    this.entries.set(file, entry);
    this.bytes += entry.bytes.length;
  }

  /** What was read of `file`, kept. */
  peek(file: string): MemoEntry | undefined {
    return this.entries.get(file);
  }

  /** What was read of `file`, no longer kept. */
  take(file: string): MemoEntry | undefined {
    const e = this.entries.get(file);
    if (e) {
      this.entries.delete(file);
      this.bytes -= e.bytes.length;
    }
    return e;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }
}
