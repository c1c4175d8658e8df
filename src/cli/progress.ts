/**
 * Progress on stderr for long runs: only when stderr is a terminal, only once a run has taken longer
 * than half a second, redrawn at most ten times a second, and erased when done. The environment
 * variable ZWGK_PROGRESS=1 shows it whatever stderr is, from the start (for tests and for wrappers that
 * give the CLI a pipe but show its stderr in a terminal); ZWGK_PROGRESS=0 never shows it.
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

  private readonly enabled: boolean;
  private readonly delayMs: number;

  constructor(private readonly stream: ProgressStream, opts: { enabled?: boolean; delayMs?: number } = {}) {
    this.enabled = opts.enabled ?? !!stream.isTTY;
    this.delayMs = opts.delayMs ?? 500;
  }

  /** The options the environment asks for (see the module comment). */
  static optionsFrom(env: NodeJS.ProcessEnv): { enabled?: boolean; delayMs?: number } {
    if (env.ZWGK_PROGRESS === '1') return { enabled: true, delayMs: 0 };
    if (env.ZWGK_PROGRESS === '0') return { enabled: false };
    return {};
  }

  start(phase: string, total: number): void {
    this.phase = phase;
    this.total = total;
    this.started = Date.now();
    this.lastDraw = 0;
  }

  update(done: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.started < this.delayMs || now - this.lastDraw < 100) return;
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
