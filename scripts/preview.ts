/**
 * `npm start`: live preview of the site at http://127.0.0.1:8080 (PORT and
 * HOST override). Edits under content/ appear in open browsers at once.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { formatContentErrors } from "../src/content/errors.ts";
import { startPreview } from "../src/preview/preview-server.ts";

const { values } = parseArgs({ options: { root: { type: "string" }, port: { type: "string" }, host: { type: "string" } } });
const preview = await startPreview({
  ...(values.root ? { rootDir: path.resolve(values.root) } : {}),
  port: Number(values.port ?? process.env["PORT"] ?? 8080),
  host: values.host ?? process.env["HOST"] ?? "127.0.0.1",
});
const { articles, errors } = preview.store.snapshot();
console.log(`Preview of ${articles.length} articles at ${preview.url}/ (Ctrl+C to stop)`);
if (errors.length > 0) console.log(formatContentErrors(errors));
