// Test helpers: read meta tags, the JSON-LD block and element text out of rendered pages without a DOM.
import { HtmlValidate } from 'html-validate';

const ENTITIES: { [name: string]: string } = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

export function unescapeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, n: string) => ENTITIES[n] ?? '');
}

/** Every `<meta name|property="key" content="…">` value for `key`, in document order. */
export function metaValues(page: string, key: string): string[] {
  const out: string[] = [];
  for (const m of page.matchAll(/<meta (?:name|property)="([^"]*)" content="([^"]*)">/g)) {
    if (unescapeHtml(m[1] ?? '') === key) out.push(unescapeHtml(m[2] ?? ''));
  }
  return out;
}

/** The raw text of the JSON-LD data block. */
export function jsonLdText(page: string): string {
  const m = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page);
  if (!m?.[1]) throw new Error('no JSON-LD block');
  return m[1];
}

/** The text inside the first `<tag …>…</tag>`, tags stripped and entities decoded. */
export function elementText(page: string, tag: string): string {
  const m = new RegExp(`<${tag}(?: [^>]*)?>([\\s\\S]*?)</${tag}>`).exec(page);
  if (!m?.[1]) throw new Error(`no <${tag}>`);
  return unescapeHtml(m[1].replace(/<[^>]*>/g, ''));
}

// long-title is off: a record page's <title> is the work's whole title, which is what Google Scholar matches on.
const validator = new HtmlValidate({
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: { 'long-title': 'off' },
});

/** html-validate's messages for a page (recommended + document presets), as "line:col rule message". */
export async function validationErrors(page: string): Promise<string[]> {
  const report = await validator.validateString(page);
  return report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`));
}
