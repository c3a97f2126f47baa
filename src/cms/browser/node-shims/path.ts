/**
 * node:path in the admin bundle: modules compute folder names at load time
 * (layouts/assets/ for the stylesheet) that the preview never reads, so
 * plain string joins are enough.
 */
export const sep = "/";

export function join(...parts: string[]): string {
  return parts.filter(Boolean).join("/").replace(/\/+/g, "/");
}
export function resolve(...parts: string[]): string {
  return join(...parts);
}
export function dirname(p: string): string {
  const i = p.lastIndexOf("/");
  return i <= 0 ? (i === 0 ? "/" : ".") : p.slice(0, i);
}
export function basename(p: string, ext?: string): string {
  const base = p.slice(p.lastIndexOf("/") + 1);
  return ext && base.endsWith(ext) ? base.slice(0, -ext.length) : base;
}
export function extname(p: string): string {
  const base = basename(p);
  const i = base.lastIndexOf(".");
  return i > 0 ? base.slice(i) : "";
}
export function relative(from: string, to: string): string {
  return to.startsWith(`${from}/`) ? to.slice(from.length + 1) : to;
}
export default { sep, join, resolve, dirname, basename, extname, relative };
