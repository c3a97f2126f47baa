/**
 * How a long-running command (npm start, npm run admin) ends: on Ctrl+C,
 * SIGTERM or SIGHUP, and when whoever started it goes away. npm runs a
 * script through `sh -c`; npm killed with SIGKILL leaves that shell waiting
 * and our parent alive, so the grandparent is watched too — otherwise an
 * orphan would keep the port.
 */
import { readFileSync } from "node:fs";

/** Whether a process exists (EPERM: it exists but belongs to someone else). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The parent of `pid` (Linux /proc), or undefined when unknown or init. */
export function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    return ppid > 1 ? ppid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Calls `stop` once on SIGINT, SIGTERM or SIGHUP, or when the parent or
 * grandparent process is gone (checked every half second).
 * @param parent the parent as seen when the command started (capture
 *   `process.ppid` before any await: a parent that dies during start-up is noticed)
 */
export function stopWithParent(stop: () => Promise<void>, parent: number = process.ppid): void {
  let stopping = false;
  const once = (): void => {
    if (stopping) return;
    stopping = true;
    void stop();
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, once);
  const grandparent = parentOf(parent);
  setInterval(() => {
    if (process.ppid !== parent || (grandparent !== undefined && !isAlive(grandparent))) once();
  }, 500).unref();
}
