/**
 * Article Markdown → HTML, safely.
 *
 * Markdown comes from many hands, so raw HTML is disabled (it is shown as
 * text), link protocols are restricted by markdown-it's validateLink
 * (javascript:, vbscript:, file: and non-image data: are refused), and
 * headings are shifted one level down because the page's <h1> is the title.
 * No template language ever runs over Markdown.
 */
import MarkdownItCtor from "markdown-it";
type MarkdownIt = InstanceType<typeof MarkdownItCtor>;
import { trustedHtml, type SafeHtml } from "./safe-html.ts";

/** The result of rendering one article body. */
export interface RenderedMarkdown {
  readonly html: SafeHtml;
  /** Plain text of the body, blocks separated by newlines (for search and word counts). */
  readonly text: string;
  /** Plain text of the first paragraph (the default summary). */
  readonly firstParagraph: string;
  /** Level-1 headings in the source (0-based source line, text): the page's h1 is the title, so the loader warns about these. */
  readonly h1: readonly { readonly line: number; readonly text: string }[];
}

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
  const defaultImage = md.renderer.rules.image;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    token?.attrSet("loading", "lazy");
    token?.attrSet("decoding", "async");
    return defaultImage ? defaultImage(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };
  return md;
}

const renderer = createRenderer();

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

/** Renders an article body once; parse tokens are reused for text and summary. */
export function renderMarkdown(source: string): RenderedMarkdown {
  const env = {};
  const tokens = renderer.parse(source, env);
  const blocks: string[] = [];
  let firstParagraph = "";
  let inParagraph = false;
  const h1: { line: number; text: string }[] = [];
  for (const [i, token] of tokens.entries()) {
    if (token.type === "heading_open" && token.tag === "h1") h1.push({ line: token.map?.[0] ?? 0, text: tokens[i + 1]?.content ?? "" });
    if (token.type === "paragraph_open") inParagraph = true;
    else if (token.type === "paragraph_close") inParagraph = false;
    else if (token.type === "inline") {
      const text = inlineText(token).trim();
      if (text) blocks.push(text);
      if (inParagraph && !firstParagraph && text) firstParagraph = text;
    } else if ((token.type === "code_block" || token.type === "fence") && token.content.trim()) {
      blocks.push(token.content.trim());
    }
  }
  return {
    html: trustedHtml(renderer.renderer.render(tokens, renderer.options, env)),
    text: blocks.join("\n"),
    firstParagraph,
    h1,
  };
}

/** Cuts plain text to at most `max` characters at a word boundary, adding "…" when cut. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = text[max] === " " ? max : cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, "")}…`;
}
