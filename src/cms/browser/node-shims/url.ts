/** node:url in the admin bundle: only fileURLToPath, for module-relative folder names the preview never reads. */
export function fileURLToPath(url: string | URL): string {
  return String(url).replace(/^file:\/\//, "");
}
export default { fileURLToPath };
