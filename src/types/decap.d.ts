// Decap CMS's parts ship no type declarations (decap-cms-core does, see its
// index.d.ts); this covers what the admin bundle (src/cms/browser/) uses.

declare module "decap-cms-widget-*" {
  import type { ComponentType } from "react";
  import type { CmsWidgetParam } from "decap-cms-core";
  /** Each widget package's default export: a factory taking overrides such as a new name or control. */
  const widget: {
    Widget(overrides?: { name?: string; controlComponent?: ComponentType<never> }): CmsWidgetParam;
    readonly controlComponent: ComponentType<never>;
    readonly previewComponent: ComponentType<never>;
  };
  export default widget;
}

declare module "decap-cms-backend-github" {
  export const GitHubBackend: unknown;
}
declare module "decap-cms-backend-gitlab" {
  export const GitLabBackend: unknown;
}
declare module "decap-cms-backend-test" {
  export const TestBackend: unknown;
}
declare module "decap-cms-backend-proxy" {
  export const ProxyBackend: unknown;
}

declare module "decap-cms-locales" {
  /** Phrases: nested objects of strings with %{placeholders}. */
  export type Phrases = { readonly [key: string]: string | Phrases };
  export const vi: Phrases;
  export const en: Phrases;
}
