import { timerMs } from '../lib/exec';
import { importProgressOf } from './parse/progress';

/**
 * Watches a build's streamed progress for cache imports that do not end: each import (`importing
 * cache manifest from …`) gets `boundMs` from its start to end (DONE, ERROR, CANCELED). One that
 * is still open then aborts `signal` (the exec seam ends the build) and is named in `stuck`. A
 * build past its imports is never ended here, however long it runs.
 */
export class ImportWatch {
  private readonly open = new Map<string, NodeJS.Timeout>();
  private readonly controller = new AbortController();
  private partial = '';
  /** The source whose import outlived the bound; null while none has. */
  stuck: string | null = null;

  constructor(private readonly boundMs: number) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Feed each chunk of the build's output (lines may be split across chunks). */
  readonly onOutput = (text: string): void => {
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) {
      for (const p of importProgressOf(line)) {
        if ('source' in p) this.started(p.vertex, p.source);
        else this.ended(p.vertex);
      }
    }
  };

  private started(vertex: string, source: string): void {
    if (this.open.has(vertex) || this.stuck !== null) return;
    const timer = setTimeout(() => {
      this.stuck = source;
      this.stop();
      this.controller.abort();
    }, timerMs(this.boundMs));
    this.open.set(vertex, timer);
  }

  private ended(vertex: string): void {
    const timer = this.open.get(vertex);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.open.delete(vertex);
  }

  /** Clears every timer: call once the build has ended. */
  stop(): void {
    for (const timer of this.open.values()) clearTimeout(timer);
    this.open.clear();
  }
}
