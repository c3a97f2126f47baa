/**
 * `process` for browser code that looks for it (injected by esbuild, see
 * src/cms/bundle.ts). With it present, libraries take their "process
 * exists" branch instead of probing with Function(), which the admin's
 * Content-Security-Policy forbids.
 */
export const process = { env: { NODE_ENV: "production" }, browser: true };
