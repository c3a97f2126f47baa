/**
 * Watches the content folder for the preview: one watcher per folder (not
 * per file), so it keeps following files that editors replace on save.
 *
 * Why not fs.watch({ recursive: true }): on Linux, Node 20 implements it
 * with a watcher per *file*; an editor's "safe save" (write a temporary file,
 * rename it over the article — vim, sed -i, many IDEs) replaces the file, and
 * the watcher, attached to the old one, never reports that file again
 * (tried here: after one safe save, later plain writes and even the delete
 * went unreported). Why not chokidar (installed with Eleventy): version 3
 * also places one inotify watch per file — 2,021 watches and 410 ms to
 * start on 2,000 files here — which at 10,000–100,000 articles runs into the
 * system's watch limit. A folder's watcher reports changes to every entry
 * in it, whatever replaced what.
 *
 * Events are gathered for a few milliseconds (one save is several events)
 * and handed over per folder: which folder, which names in it changed.
 */
import { lstatSync, readdirSync, watch, type Dirent, type FSWatcher } from "node:fs";
import path from "node:path";

export interface FolderChange {
  /** The folder (absolute path). */
  readonly folder: string;
  /** Absolute paths of the entries reported changed (files or folders, present or gone). */
  readonly touched: readonly string[];
}

export class ContentWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private pending = new Map<string, Set<string>>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  /**
   * @param root the folder to watch, with everything below it
   * @param onChange called with the folders whose entries changed
   * @param settleMs how long to gather events before reporting
   */
  constructor(
    private readonly root: string,
    private readonly onChange: (changes: readonly FolderChange[]) => void,
    private readonly settleMs = 15,
  ) {}

  /** Starts watching the root and every folder below it. */
  start(): void {
    this.watchTree(this.root);
  }

  /** Whether changes were seen that are not reported yet (they will be within settleMs). */
  busy(): boolean {
    return this.pending.size > 0;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }

  private watchTree(dir: string): void {
    if (this.closed || this.watchers.has(dir)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (_event, name) => this.record(dir, name === null ? undefined : name.toString()));
    } catch {
      return; // gone already, or not a folder
    }
    watcher.on("error", () => this.unwatchTree(dir));
    this.watchers.set(dir, watcher);
    let entries: Dirent[] = [];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    // Real folders only: a symbolic link is never followed.
    for (const entry of entries) if (entry.isDirectory()) this.watchTree(path.join(dir, entry.name));
  }

  private unwatchTree(dir: string): void {
    for (const [watched, watcher] of this.watchers) {
      if (watched === dir || watched.startsWith(dir + path.sep)) {
        watcher.close();
        this.watchers.delete(watched);
      }
    }
  }

  private record(dir: string, name: string | undefined): void {
    if (this.closed || !this.watchers.has(dir)) return;
    const touched = this.pending.get(dir) ?? new Set<string>();
    // No name: something in the folder changed; the whole folder is looked at again.
    touched.add(name === undefined ? dir : path.join(dir, name));
    this.pending.set(dir, touched);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.settleMs);
  }

  private flush(): void {
    const pending = this.pending;
    this.pending = new Map();
    const changes: FolderChange[] = [];
    for (const [folder, touched] of pending) {
      for (const entry of touched) {
        if (entry === folder) continue;
        let isFolder = false;
        try {
          isFolder = lstatSync(entry).isDirectory();
        } catch {
          // gone
        }
        // A new or renamed folder is watched from now on; a removed one is forgotten.
        if (isFolder) this.watchTree(entry);
        else this.unwatchTree(entry);
      }
      changes.push({ folder, touched: [...touched] });
    }
    if (changes.length > 0 && !this.closed) this.onChange(changes);
  }
}
