/**
 * Progress on stderr for long runs: only when stderr is a terminal, only once a run has taken longer
 * than half a second, redrawn at most ten times a second, and erased when done.
 */
export interface ProgressStream {
  write(s: string): unknown;
  isTTY?: boolean;
}

export class Progress {
  private phase = '';
  private total = 0;
  private started = 0;
  private lastDraw = 0;
  private drawn = false;

  constructor(private readonly stream: ProgressStream, private readonly enabled = !!stream.isTTY) {}

  start(phase: string, total: number): void {
    this.phase = phase;
    this.total = total;
    this.started = Date.now();
    this.lastDraw = 0;
  }

  update(done: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.started < 500 || now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const pct = this.total ? Math.floor((done / this.total) * 100) : 0;
    this.stream.write(`\r\x1b[K${this.phase} ${done}/${this.total}（${pct}%）`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}
