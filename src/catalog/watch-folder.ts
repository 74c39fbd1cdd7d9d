// Watches a data folder for changes, naming the changed paths. On Linux, Node's recursive watch puts an inotify
// watch and a Stats object on every file (a million files exceed the kernel's watch limit and take seconds to
// stat); a watch on each folder names its changed children just as well, so that is what is used there.
import { watch, type FSWatcher } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, sep } from 'node:path';

export interface FolderWatch {
  /** Settles once every folder that was there at the start is watched (or could not be). */
  ready: Promise<void>;
  close(): void;
}

/**
 * Calls `onChange` with the changed path relative to `dir` (undefined when the system names none), skipping
 * names under dot-folders. Errors (a folder gone, the watch limit reached) go to `onError`; watching goes on for
 * the rest.
 */
export function watchFolder(dir: string, onChange: (path: string | undefined) => void, onError: (e: Error) => void, platform: NodeJS.Platform = process.platform): FolderWatch {
  const hidden = (name: string) => name.split(/[\\/]/).some((part) => part.startsWith('.'));
  if (platform !== 'linux') {
    const watcher = watch(dir, { recursive: true }, (_event, name) => {
      if (name && hidden(String(name))) return;
      onChange(name ? String(name) : undefined);
    });
    watcher.on('error', onError);
    return { ready: Promise.resolve(), close: () => watcher.close() };
  }
  const watchers = new Map<string, FSWatcher>();
  let closed = false;
  const add = (rel: string): void => {
    if (closed || watchers.has(rel)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(rel ? join(dir, rel) : dir, (_event, name) => {
        if (!name) return onChange(rel || undefined);
        const path = rel ? `${rel}${sep}${String(name)}` : String(name);
        if (hidden(path)) return;
        onChange(path);
        // A folder created, moved in or replaced is watched afresh, with the folders inside it; one removed is not.
        if (watchers.has(path)) drop(path);
        void walk(path);
      });
    } catch (e) {
      // A subfolder gone meanwhile is no error; the data folder itself missing, or the kernel's watch limit, is.
      const code = (e as NodeJS.ErrnoException).code;
      if (rel === '' || (code !== 'ENOENT' && code !== 'ENOTDIR')) onError(e as Error);
      return;
    }
    watcher.on('error', (e) => {
      watcher.close();
      watchers.delete(rel);
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') onError(e);
    });
    watchers.set(rel, watcher);
  };
  /** Stops watching `rel` and the folders under it. */
  const drop = (rel: string): void => {
    for (const [at, w] of watchers) {
      if (at === rel || at.startsWith(`${rel}${sep}`)) {
        w.close();
        watchers.delete(at);
      }
    }
  };
  /** Watches `rel` and every folder under it that is not a dot-folder. */
  const walk = async (rel: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(rel ? join(dir, rel) : dir, { withFileTypes: true });
    } catch {
      return; // not a folder (a file changed), or gone
    }
    add(rel);
    for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.')) await walk(rel ? `${rel}${sep}${e.name}` : e.name);
  };
  add('');
  const ready = walk('');
  return {
    ready,
    close() {
      closed = true;
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
