/**
 * Article Markdown → HTML, safely.
 *
 * Markdown comes from many hands, so raw HTML is disabled (it is shown as
 * text), link protocols are restricted by markdown-it's validateLink
 * (javascript:, vbscript:, file: and non-image data: are refused), and
 * headings are shifted one level down because the page's <h1> is the title.
 * No template language ever runs over Markdown.
 *
 * Pictures in the body (`![alt](anh.jpg)`) are listed with their line, so
 * the loader can check them (alt text, a file next to the article or an
 * https:// address), and each <img> carries its position in that list as
 * `data-anh="N"`, so the page and the feeds can put the processed picture
 * in its place (src/images/picture-html.ts). Raw HTML is disabled, so no
 * editor text can produce such an attribute.
 */
import MarkdownItCtor from "markdown-it";
type MarkdownIt = InstanceType<typeof MarkdownItCtor>;
import { trustedHtml, type SafeHtml } from "./safe-html.ts";

/** The result of rendering one article body. */
export interface RenderedMarkdown {
  readonly html: SafeHtml;
  /** Pictures in the body, in order (the N of `data-anh="N"`). */
  readonly images: readonly MarkdownImage[];
  /** Plain text of the body, blocks separated by newlines (for search and word counts). */
  readonly text: string;
  /** Plain text of the first paragraph (the default summary). */
  readonly firstParagraph: string;
  /** Level-1 headings in the source (0-based source line, text): the page's h1 is the title, so the loader warns about these. */
  readonly h1: readonly { readonly line: number; readonly text: string }[];
}

/** One `![alt](src "title")` of the body. */
export interface MarkdownImage {
  /** The address as written (markdown-it has already refused javascript: and the like). */
  readonly src: string;
  readonly alt: string;
  readonly title?: string;
  /** 1-based line within the body where its paragraph starts. */
  readonly line: number;
}

/** The attribute that marks a body picture's <img> with its index. */
export const BODY_IMAGE_ATTRIBUTE = "data-anh";

type Token = ReturnType<MarkdownIt["parse"]>[number];

function createRenderer(): MarkdownIt {
  // linkify is off: it cost ~1 s per 10,000 articles, and press releases
  // rarely carry bare URLs; <https://…> autolinks and [text](url) still work.
  const md = new MarkdownItCtor({ html: false, linkify: false, typographer: false, breaks: false });
  const defaultHeadingOpen = md.renderer.rules.heading_open;
  const shift = (token: Token): void => {
    const level = Math.min(6, Number(token.tag.slice(1)) + 1);
    token.tag = `h${level}`;
  };
  md.renderer.rules.heading_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    if (token) shift(token);
    return defaultHeadingOpen ? defaultHeadingOpen(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };
  md.renderer.rules.heading_close = (tokens, idx, options, _env, self) => {
    const token = tokens[idx];
    if (token) shift(token);
    return self.renderToken(tokens, idx, options);
  };
  md.renderer.rules.image = (tokens, idx, options, env: RenderEnv | undefined, self) => {
    const token = tokens[idx];
    if (!token) return "";
    const index = Number(env?.["imageCount"] ?? 0);
    if (env) env["imageCount"] = index + 1;
    token.attrs = [
      [BODY_IMAGE_ATTRIBUTE, String(index)],
      ["src", String(token.attrGet("src") ?? "")],
      ["alt", self.renderInlineAsText(token.children ?? [], options, env)],
      ...(token.attrGet("title") ? [["title", String(token.attrGet("title"))] as [string, string]] : []),
      ["loading", "lazy"],
      ["decoding", "async"],
    ];
    return self.renderToken(tokens, idx, options);
  };
  return md;
}

/** Per-render state: counts pictures so each gets its index. */
type RenderEnv = Record<string, unknown>;

const renderer = createRenderer();

// Validation needs only the block structure (headings, paragraphs): the
// inline pass is about two thirds of markdown-it's parse time, and
// rendering more on top (10,000 articles, this machine: full parse 1.8 s,
// block pass only 0.6 s, render 0.25 s).
const blockScanner = new MarkdownItCtor({ html: false, linkify: false, typographer: false, breaks: false });
blockScanner.core.ruler.disable(["inline", "linkify", "replacements", "smartquotes", "text_join"], true);

/** A level-1 heading at `tokens[i]`, if there is one there. */
function levelOneHeading(tokens: readonly Token[], i: number): { line: number; text: string } | undefined {
  const token = tokens[i];
  return token?.type === "heading_open" && token.tag === "h1" ? { line: token.map?.[0] ?? 0, text: tokens[i + 1]?.content ?? "" } : undefined;
}

function inlineText(token: Token): string {
  if (!token.children) return token.content;
  let out = "";
  for (const child of token.children) {
    if (child.type === "text" || child.type === "code_inline") out += child.content;
    else if (child.type === "softbreak" || child.type === "hardbreak") out += " ";
    else if (child.type === "image") out += child.content;
  }
  return out;
}

/** What one pass over the tokens gives: everything but the HTML. */
function collect(tokens: readonly Token[], env: RenderEnv): Omit<RenderedMarkdown, "html"> {
  const blocks: string[] = [];
  const images: MarkdownImage[] = [];
  let firstParagraph = "";
  let inParagraph = false;
  const h1: { line: number; text: string }[] = [];
  for (const [i, token] of tokens.entries()) {
    const heading = levelOneHeading(tokens, i);
    if (heading) h1.push(heading);
    if (token.type === "paragraph_open") inParagraph = true;
    else if (token.type === "paragraph_close") inParagraph = false;
    else if (token.type === "inline") {
      for (const child of token.children ?? []) {
        if (child.type !== "image") continue;
        const title = child.attrGet("title");
        images.push({ src: String(child.attrGet("src") ?? ""), alt: renderer.renderer.renderInlineAsText(child.children ?? [], renderer.options, env).trim(), ...(title ? { title: String(title) } : {}), line: (token.map?.[0] ?? 0) + 1 });
      }
      const text = inlineText(token).trim();
      if (text) blocks.push(text);
      if (inParagraph && !firstParagraph && text) firstParagraph = text;
    } else if ((token.type === "code_block" || token.type === "fence") && token.content.trim()) {
      blocks.push(token.content.trim());
    }
  }
  return { images, text: blocks.join("\n"), firstParagraph, h1 };
}

/** Renders an article body once; parse tokens are reused for text and summary. */
export function renderMarkdown(source: string): RenderedMarkdown {
  const env: RenderEnv = {};
  const tokens = renderer.parse(source, env);
  const found = collect(tokens, env);
  return { html: trustedHtml(renderer.renderer.render(tokens, renderer.options, env)), ...found };
}

/**
 * What validation reads from a body, without rendering it: the level-1
 * headings and the pictures, found exactly as renderMarkdown finds them.
 * `html` is empty. A picture is always written `![`: a body without one
 * needs only the block pass, whose `text` and `firstParagraph` are then the
 * blocks' Markdown source (emphasis, links left as written). For
 * `npm run check`, which validates without building.
 */
export function scanMarkdown(source: string): RenderedMarkdown {
  const env: RenderEnv = {};
  const tokens = source.includes("![") ? renderer.parse(source, env) : blockScanner.parse(source, env);
  return { html: trustedHtml(""), ...collect(tokens, env) };
}

/** Cuts plain text to at most `max` characters at a word boundary, adding "…" when cut. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = text[max] === " " ? max : cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, "")}…`;
}
