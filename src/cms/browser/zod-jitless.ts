/**
 * Imported first by the admin script: zod (the article schema, run by the
 * preview pane) otherwise probes `new Function("")` to decide whether to
 * compile its checks, which the admin's Content-Security-Policy reports as
 * a violation. Interpreted checks are plenty for one article.
 */
import { config } from "zod";

config({ jitless: true });
