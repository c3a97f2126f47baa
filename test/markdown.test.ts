import { describe, expect, it } from "vitest";
import { renderMarkdown, truncateText } from "../src/markdown.ts";
import { escapeHtml, html, isSafeHtml, joinHtml, trustedHtml } from "../src/safe-html.ts";
import { parseOk, mdFile, MINIMAL } from "./helpers.ts";

describe("Markdown safety", () => {
  it("escapes raw HTML instead of passing it through", () => {
    const out = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\nA <b>b</b> <iframe src="//evil"></iframe>').html.value;
    expect(out).not.toMatch(/<script|<img|<iframe|<b>/);
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("does not link dangerous protocols", () => {
    const out = renderMarkdown("[a](javascript:alert(1)) [b](vbscript:x) [c](data:text/html;base64,PHNjcmlwdD4=) [d](file:///etc/passwd) ![e](javascript:alert(1))").html.value;
    expect(out).not.toMatch(/href="(javascript|vbscript|data|file):/i);
    expect(out).not.toMatch(/src="javascript:/i);
  });

  it("escapes attribute-breaking characters in link targets and titles", () => {
    const out = renderMarkdown('[x](https://example.com/"onmouseover="alert(1) "t\\"itle")').html.value;
    expect(out).not.toMatch(/"\s*onmouseover=/);
  });

  it("never runs a template language over the body", () => {
    const out = renderMarkdown("{{ 7 * 7 }} {% raw %} ${process.exit(1)} <%= 1 %>").html.value;
    expect(out).toContain("{{ 7 * 7 }} {% raw %} ${process.exit(1)} &lt;%= 1 %&gt;");
  });

  it("shifts headings one level down because the title is the page's h1", () => {
    const out = renderMarkdown("# A\n\n## B\n\n###### F").html.value;
    expect(out).toContain("<h2>A</h2>");
    expect(out).toContain("<h3>B</h3>");
    expect(out).toContain("<h6>F</h6>");
    expect(out).not.toContain("<h1>");
  });

  it("lazy-loads images in the body", () => {
    expect(renderMarkdown("![Toàn cảnh](anh.jpg)").html.value).toContain('loading="lazy"');
  });

  it("extracts plain text and the first paragraph", () => {
    const r = renderMarkdown("*Chiều 29/11/2016*, tại **phòng họp** Sở.\n\nĐoạn hai với [liên kết](https://x.vn).");
    expect(r.firstParagraph).toBe("Chiều 29/11/2016, tại phòng họp Sở.");
    expect(r.text).toBe("Chiều 29/11/2016, tại phòng họp Sở.\nĐoạn hai với liên kết.");
  });

  it("an article summary defaults to the first paragraph, truncated", () => {
    const long = "từ ".repeat(200);
    const a = parseOk(mdFile(MINIMAL, `${long}\n\nĐoạn hai.`));
    expect(a.summary.length).toBeLessThanOrEqual(281);
    expect(a.summary.endsWith("…")).toBe(true);
  });

  it("escapes HTML in titles and front matter on the page", () => {
    const a = parseOk(mdFile('title: "<script>x</script> & co"\ndate: 2016-11-29\nprovince: gia-lai'));
    expect(html`<h1>${a.title}</h1>`.value).toBe("<h1>&lt;script&gt;x&lt;/script&gt; &amp; co</h1>");
  });
});

describe("SafeHtml", () => {
  it("escapes every interpolation unless it is SafeHtml", () => {
    const inner = html`<b>${"<i>"}</b>`;
    expect(html`<p title="${'"x"'}">${inner}${["<", trustedHtml("<br>")]}${null}${undefined}${false}${0}</p>`.value).toBe('<p title="&quot;x&quot;"><b>&lt;i&gt;</b>&lt;<br>0</p>');
  });

  it("a plain string is never SafeHtml", () => {
    expect(isSafeHtml("<b>")).toBe(false);
    expect(isSafeHtml(html`x`)).toBe(true);
  });

  it("joinHtml escapes parts and separator", () => {
    expect(joinHtml(["a<", "b"], " & ").value).toBe("a&lt; &amp; b");
  });

  it("escapeHtml covers quotes and ampersands", () => {
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
  });
});

describe("truncateText", () => {
  it("leaves short text alone and cuts long text at a word", () => {
    expect(truncateText("ngắn", 10)).toBe("ngắn");
    expect(truncateText("một hai ba bốn năm", 10)).toBe("một hai ba…");
  });
});
