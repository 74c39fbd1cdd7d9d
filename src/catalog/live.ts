// The catalog being served, swapped atomically on reload: a new catalog is built beside the old one, which serves until then.
import type { Catalog } from './catalog.js';
import type { CatalogLogger } from './load.js';
import { watchFolder, type FolderWatch } from './watch-folder.js';

export type ReloadResult = { ok: true; catalog: Catalog } | { ok: false; error: Error };

/** Past this many changed paths a journal stops naming them, and a SIGHUP compares the whole folder only. */
export const JOURNAL_LIMIT = 50_000;
/** How long a SIGHUP leaves requests alone between its scoped reload and its full comparison. */
const JOURNAL_GRACE_MS = 50;

/**
 * The paths a watcher named since the last full comparison of the folder began, kept for the next SIGHUP (no
 * reload of its own).
 */
export interface ChangeJournal {
  /** Settles once every folder is watched (at once when watching failed). */
  readonly ready: Promise<void>;
  /** The paths recorded, or 'all' when there were too many, or a change came with no name. */
  readonly recorded: ReadonlySet<string> | 'all';
  /**
   * Whether the recorded paths are all that changed since the catalog's last full comparison: the watcher was
   * watching every folder, with no error, before that comparison began, and no build failed since.
   */
  readonly trusted: boolean;
  /**
   * What a SIGHUP does: when the journal is trusted and names paths, those are reloaded first (a scoped reload,
   * swapped in before anything else is looked at); then, always, the whole folder is compared, which catches what
   * no watcher sees (network file systems, changes made while it was not watching). Paths recorded meanwhile are
   * the next SIGHUP's. Resolves with the full comparison's result.
   */
  reload(): Promise<ReloadResult>;
  close(): void;
}

export class LiveCatalog {
  private catalog: Catalog;
  private pending: Promise<ReloadResult> | undefined;
  private again = false;
  /** What the next build looks at: the paths a watcher named, or everything (a SIGHUP, or a change with no name). */
  private next: Set<string> | 'all' | undefined;
  /** Builds are numbered as they begin: how many began, the last full one begun, the last full one that succeeded, the last that failed. */
  private begun = 0;
  private fullBegun = 0;
  private fullOk = 0;
  private failed = 0;
  private last: ReloadResult | undefined;
  /** SIGHUPs whose scoped and full reloads are not both done (between the two, no build runs). */
  private signalled = 0;
  /** Called as a full comparison begins. */
  private readonly fullBegins = new Set<() => void>();

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
    return this.pending !== undefined || this.signalled > 0;
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
      let n = 0;
      try {
        do {
          this.again = false;
          const scope = this.next;
          this.next = undefined;
          n = ++this.begun;
          if (!(scope instanceof Set)) {
            this.fullBegun = n;
            for (const begins of this.fullBegins) begins();
          }
          const next = await this.build(this.catalog, scope instanceof Set ? [...scope] : undefined);
          this.catalog = next;
          if (!(scope instanceof Set)) this.fullOk = n;
          this.logger.info({ ...next.counts() }, 'catalog swapped in');
        } while (this.again);
        return (this.last = { ok: true, catalog: this.catalog });
      } catch (e) {
        this.failed = n;
        this.logger.warn({ err: (e as Error).message }, 'reload failed; the previous catalog keeps serving');
        // The paths of the failed build are not looked at yet: the next reload looks at everything.
        this.next = 'all';
        return (this.last = { ok: false, error: e as Error });
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

  /**
   * Watches `dir` and keeps a journal of the paths that change there, without reloading: its `reload` is what a
   * SIGHUP does. A folder that cannot be watched is warned of once; SIGHUP then compares the whole folder only.
   */
  journal(dir: string, limit = JOURNAL_LIMIT): ChangeJournal {
    let recorded: Set<string> | 'all' = new Set();
    let broken = false;
    let closed = false;
    /** How many builds had begun once every folder was watched. */
    let readyAt: number | undefined;
    let watcher: FolderWatch | undefined;
    let failedNow: () => void = () => {};
    const failedEarly = new Promise<void>((resolve) => (failedNow = resolve));
    const fail = (e: Error): void => {
      if (broken) return;
      broken = true;
      this.logger.warn({ err: e.message, dir }, 'cannot watch the data folder; a SIGHUP compares the whole folder');
      // A folder left unwatched stays so: watching the rest is of no use to the journal.
      watcher?.close();
      failedNow();
    };
    // A comparison of the whole folder sees whatever changed before it began.
    const fullBegins = () => void (recorded = new Set());
    this.fullBegins.add(fullBegins);
    try {
      watcher = watchFolder(
        dir,
        (name) => {
          if (recorded === 'all') return;
          if (name === undefined) recorded = 'all';
          else if (recorded.add(name).size > limit) recorded = 'all';
        },
        fail,
      );
    } catch (e) {
      fail(e as Error);
    }
    if (broken) watcher?.close();
    const ready = Promise.race([watcher ? watcher.ready : Promise.resolve(), failedEarly]).then(() => {
      if (broken || closed) return;
      readyAt = this.begun;
      this.logger.info({ dir }, 'watching the data folder: a SIGHUP reloads the files seen changing first');
    });
    const trusted = () => !broken && !closed && readyAt !== undefined && readyAt < this.fullOk && this.failed < this.fullOk;
    const signal = async (): Promise<ReloadResult> => {
      // A change written just before the signal was named by the watcher in the same turn of the event loop as
      // the signal, maybe after it: let it be recorded first.
      await new Promise((r) => setImmediate(r));
      const arrived = this.begun;
      if (trusted() && recorded !== 'all' && recorded.size > 0) {
        const paths = recorded;
        recorded = new Set();
        this.logger.info({ paths: paths.size }, 'reloading the files seen changing, then comparing the whole folder');
        // Built and swapped in before the full comparison is asked for (a reload asked for during a build would
        // be merged with it). A failure is logged; the full comparison follows all the same.
        await this.reload(paths);
        // A full comparison that began since the signal (the scoped one merged into a full one queued before it)
        // has seen what the signal asks for.
        if (this.fullBegun > arrived) return this.pending ?? this.last!;
        // Requests that came in during the scoped build are answered from its catalog before the full comparison
        // holds the event loop with its synchronous steps (sorting a million names, slices of 2,000 stats).
        await new Promise((r) => setTimeout(r, JOURNAL_GRACE_MS));
        if (this.fullBegun > arrived) return this.pending ?? this.last!;
      }
      return this.reload();
    };
    return {
      ready,
      get recorded() {
        return recorded;
      },
      get trusted() {
        return trusted();
      },
      reload: async () => {
        this.signalled++;
        try {
          return await signal();
        } finally {
          this.signalled--;
        }
      },
      close: () => {
        closed = true;
        this.fullBegins.delete(fullBegins);
        watcher?.close();
      },
    };
  }
}
