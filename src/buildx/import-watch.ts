import { timerMs } from '../lib/timers';
import { importProgressOf } from './parse/progress';

/**
 * Watches a build's streamed progress for cache imports that do not end: each import (`importing
 * cache manifest from …`) gets `boundMs` from its start to end (DONE, ERROR, CANCELED). One that
 * is still open then aborts `signal` (the exec seam ends the build) and is named in `stuck`. A
 * build past its imports is never ended here, however long it runs.
 *
 * An engine that prints no progress at all within the bound is ended too (`silent`): dockerd's
 * builder stays held by an import stuck in an earlier build (one ended here included) until the
 * store lets go, and a build started then waits before its first line.
 */
export class ImportWatch {
  private readonly open = new Map<string, NodeJS.Timeout>();
  private readonly controller = new AbortController();
  private partial = '';
  /** The source whose import outlived the bound; null while none has. */
  stuck: string | null = null;
  /** The engine printed no progress within the bound. */
  silent = false;
  private quiet: NodeJS.Timeout | undefined;

  constructor(private readonly boundMs: number) {
    this.quiet = setTimeout(() => {
      this.silent = true;
      this.stop();
      this.controller.abort();
    }, timerMs(boundMs));
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Feed each chunk of the build's output (lines may be split across chunks). */
  readonly onOutput = (text: string): void => {
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) {
      if (this.quiet && /^(?:#\d|\{)/.test(line)) {
        clearTimeout(this.quiet);
        this.quiet = undefined;
      }
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
    if (this.quiet) clearTimeout(this.quiet);
    this.quiet = undefined;
    for (const timer of this.open.values()) clearTimeout(timer);
    this.open.clear();
  }
}
