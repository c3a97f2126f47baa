/**
 * esbuild for the build's in-process users (the worker bundles,
 * src/workers/bundle.ts; the web editor's script, src/cms/bundle.ts): loaded
 * on first use, and its service process stopped once no build of any user
 * is running. esbuild keeps that process for later calls (11 MB more in the
 * build's tree); each user used to stop it, or not, on its own, and one
 * user's stop ended the other's build still running ("The service was
 * stopped: Cannot call write after a stream was destroyed", a cold build of
 * 10,000 articles with both bundles started together).
 */
type Esbuild = typeof import("esbuild");

let running = 0;

/**
 * Runs `use` with esbuild loaded; the service stops when the last running
 * `use` has ended (fulfilled or not).
 */
export async function withEsbuild<T>(use: (esbuild: Esbuild) => Promise<T>): Promise<T> {
  // Loaded here, not at the top: every command that merely reaches a user (the check, through the
  // site data, and each of its worker threads) paid ~85 ms of CPU to load esbuild it never used.
  const esbuild = await import("esbuild");
  running++;
  try {
    return await use(esbuild);
  } finally {
    if (--running === 0) void esbuild.stop();
  }
}
