// The catalog being served, swapped atomically on reload: a new catalog is built beside the old one, which serves until then.
import { watch, type FSWatcher } from 'node:fs';
import type { Catalog } from './catalog.js';
import type { CatalogLogger } from './load.js';

export type ReloadResult = { ok: true; catalog: Catalog } | { ok: false; error: Error };

export class LiveCatalog {
  private catalog: Catalog;
  private pending: Promise<ReloadResult> | undefined;
  private again = false;

  constructor(
    initial: Catalog,
    /** Builds the next catalog; it is given the current one, so unchanged files need not be evaluated again. */
    private readonly build: (previous: Catalog) => Promise<Catalog>,
    private readonly logger: CatalogLogger = { info() {}, warn() {} },
  ) {
    this.catalog = initial;
  }

  /** The catalog to answer the current request from. Take it once per request. */
  get current(): Catalog {
    return this.catalog;
  }

  /**
   * Builds a new catalog and swaps it in. Requests in flight keep the catalog they took;
   * a failed build keeps the old one serving. Reloads asked for during a build run once more after it.
   */
  reload(): Promise<ReloadResult> {
    if (this.pending) {
      this.again = true;
      return this.pending;
    }
    this.pending = (async (): Promise<ReloadResult> => {
      try {
        do {
          this.again = false;
          const next = await this.build(this.catalog);
          this.catalog = next;
          this.logger.info({ ...next.counts() }, 'catalog swapped in');
        } while (this.again);
        return { ok: true, catalog: this.catalog };
      } catch (e) {
        this.logger.warn({ err: (e as Error).message }, 'reload failed; the previous catalog keeps serving');
        return { ok: false, error: e as Error };
      } finally {
        this.pending = undefined;
      }
    })();
    return this.pending;
  }

  /** Reloads when anything under `dir` changes, after `delayMs` of quiet. Returns a function that stops watching. */
  watch(dir: string, delayMs = 300): () => void {
    let timer: NodeJS.Timeout | undefined;
    let watcher: FSWatcher | undefined;
    try {
      watcher = watch(dir, { recursive: true }, (_event, name) => {
        // Changes under dot-folders (the store in DIR/.ldpub writes on every reload) are not data: a reload
        // triggered by its own writes would never stop.
        if (name && String(name).split(/[\\/]/).some((part) => part.startsWith('.'))) return;
        clearTimeout(timer);
        timer = setTimeout(() => void this.reload(), delayMs);
      });
      watcher.on('error', (e) => this.logger.warn({ err: e.message, dir }, 'watching the data folder failed'));
    } catch (e) {
      this.logger.warn({ err: (e as Error).message, dir }, 'cannot watch the data folder; reload with SIGHUP');
    }
    return () => {
      clearTimeout(timer);
      watcher?.close();
    };
  }
}
