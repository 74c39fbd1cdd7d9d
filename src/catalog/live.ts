// The catalog being served, swapped atomically on reload: a new catalog is built beside the old one, which serves until then.
import type { Catalog } from './catalog.js';
import type { CatalogLogger } from './load.js';
import { watchFolder, type FolderWatch } from './watch-folder.js';

export type ReloadResult = { ok: true; catalog: Catalog } | { ok: false; error: Error };

export class LiveCatalog {
  private catalog: Catalog;
  private pending: Promise<ReloadResult> | undefined;
  private again = false;
  /** What the next build looks at: the paths a watcher named, or everything (a SIGHUP, or a change with no name). */
  private next: Set<string> | 'all' | undefined;

  constructor(
    initial: Catalog,
    /**
     * Builds the next catalog; it is given the current one, so unchanged files need not be evaluated again, and the
     * paths that changed when a watcher knows them (then no other file is looked at).
     */
    private readonly build: (previous: Catalog, changed?: readonly string[]) => Promise<Catalog>,
    private readonly logger: CatalogLogger = { info() {}, warn() {} },
  ) {
    this.catalog = initial;
  }

  /** True while a reload is being built (the catalog being served is the one before it). */
  get reloading(): boolean {
    return this.pending !== undefined;
  }

  /** Swaps in a catalog built outside a reload (the index of a restarted server, once read). */
  swap(catalog: Catalog): void {
    this.catalog = catalog;
  }

  /** The catalog to answer the current request from. Take it once per request. */
  get current(): Catalog {
    return this.catalog;
  }

  /**
   * Builds a new catalog and swaps it in. Requests in flight keep the catalog they took;
   * a failed build keeps the old one serving. Reloads asked for during a build run once more after it.
   */
  reload(changed?: Iterable<string>): Promise<ReloadResult> {
    if (changed === undefined || this.next === 'all') this.next = 'all';
    else {
      this.next ??= new Set();
      for (const path of changed) this.next.add(path);
    }
    if (this.pending) {
      this.again = true;
      return this.pending;
    }
    this.pending = (async (): Promise<ReloadResult> => {
      try {
        do {
          this.again = false;
          const scope = this.next;
          this.next = undefined;
          const next = await this.build(this.catalog, scope === 'all' || scope === undefined ? undefined : [...scope]);
          this.catalog = next;
          this.logger.info({ ...next.counts() }, 'catalog swapped in');
        } while (this.again);
        return { ok: true, catalog: this.catalog };
      } catch (e) {
        this.logger.warn({ err: (e as Error).message }, 'reload failed; the previous catalog keeps serving');
        // The paths of the failed build are not looked at yet: the next reload looks at everything.
        this.next = 'all';
        return { ok: false, error: e as Error };
      } finally {
        this.pending = undefined;
      }
    })();
    return this.pending;
  }

  /**
   * Reloads when anything under `dir` changes, after `delayMs` of quiet, looking only at the paths the watcher
   * named (all of the folder when it named none). Returns a function that stops watching.
   */
  watch(dir: string, delayMs = 300): () => void {
    let timer: NodeJS.Timeout | undefined;
    let watcher: FolderWatch | undefined;
    let named: Set<string> | 'all' = new Set();
    try {
      // Changes under dot-folders (the store in DIR/.ldpub writes on every reload) are not data, and never named:
      // a reload triggered by its own writes would never stop.
      watcher = watchFolder(
        dir,
        (name) => {
          if (name === undefined) named = 'all';
          else if (named !== 'all') named.add(name);
          clearTimeout(timer);
          timer = setTimeout(() => {
            const paths = named;
            named = new Set();
            void this.reload(paths === 'all' ? undefined : paths);
          }, delayMs);
        },
        (e) => this.logger.warn({ err: e.message, dir }, 'watching the data folder failed'),
      );
    } catch (e) {
      this.logger.warn({ err: (e as Error).message, dir }, 'cannot watch the data folder; reload with SIGHUP');
    }
    return () => {
      clearTimeout(timer);
      watcher?.close();
    };
  }
}
