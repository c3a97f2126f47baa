/**
 * Wiring of the web editor into the output plan: one bundle producer
 * (src/plan/output-plan.ts) that owns the /admin/ folder and fills it with
 * the page, the generated config.yml and the bundled script (named by its
 * content hash, known only once bundled), or with nothing when
 * SITE_ADMIN=off. The work is in the modules it calls; this stays thin.
 */
import { renderAdminPage } from "../../layouts/admin.ts";
import { defineBundle, type BundleFile } from "../plan/output-plan.ts";
import type { SiteData } from "../site-data.ts";
import { adminBundle } from "./bundle.ts";
import { adminConfig, renderConfigYaml } from "./config.ts";
import { adminSettingsFromEnv } from "./settings.ts";

/** The editor's folder in the output (ADMIN_PATH in src/security-headers.ts). */
export const ADMIN_DIR = "admin";

export const adminProducer = defineBundle<SiteData>({
  name: "admin",
  folder: ADMIN_DIR,
  // `npm run admin` serves the editor from the preview.
  preview: true,
  // Made of the code, the configuration and the settings (all in the build digest) and the stylesheet's address.
  fingerprint: (site) => site.assets.stylesheet.url,
  async run(site): Promise<BundleFile[]> {
    const settings = adminSettingsFromEnv();
    if (!settings.enabled) return [];
    const config = site.layout.config;
    const bundle = await adminBundle();
    const page = { site: config, stylesheet: site.assets.stylesheet.url, connected: settings.backend !== undefined };
    return [
      { path: "index.html", contents: renderAdminPage(page, `/${ADMIN_DIR}/${bundle.fileName}`) },
      { path: "config.yml", contents: renderConfigYaml(adminConfig(settings, config)) },
      { path: bundle.fileName, contents: bundle.contents },
    ];
  },
});
