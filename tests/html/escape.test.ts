import { describe, expect, it } from 'vitest';
import { html, join, jsonForScript, raw, safeUrl } from '../../src/html/escape.js';

describe('html`…` escapes every interpolated value', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    [`"double" & 'single'`, '&quot;double&quot; &amp; &#39;single&#39;'],
    ['&amp; stays literal', '&amp;amp; stays literal'],
    [42, '42'],
    [null, ''],
    [undefined, ''],
    [false, ''],
    [['<a>', raw('<b>'), ['<c>']], '&lt;a&gt;<b>&lt;c&gt;'],
  ])('text: %j', (value, expected) => {
    expect(html`<p>${value}</p>`.value).toBe(`<p>${expected}</p>`);
  });

  it('quotes cannot end a quoted attribute', () => {
    expect(html`<meta content="${'x" onload="alert(1)'}">`.value).toBe('<meta content="x&quot; onload=&quot;alert(1)">');
  });

  it('refuses an unquoted attribute value', () => {
    expect(() => html`<a href=${'x'}>`).toThrow(/unquoted attribute/);
  });

  it('keeps SafeHtml from nested templates as markup', () => {
    const inner = html`<em>${'<i>'}</em>`;
    expect(html`<p>${inner}</p>`.value).toBe('<p><em>&lt;i&gt;</em></p>');
  });

  it.each([
    ['https://doi.org/10.1/x', 'https://doi.org/10.1/x'],
    ['/record/a.ttl', '/record/a.ttl'],
    ['javascript:alert(1)', '#'],
    [' JavaScript:alert(1)', '#'],
    ['java\nscript:alert(1)', '#'],
    ['data:text/html,<script>alert(1)</script>', '#'],
    ['vbscript:x', '#'],
    ['mailto:a@example.org', 'mailto:a@example.org'],
  ])('URL attributes: %j → %j', (url, expected) => {
    expect(safeUrl(url)).toBe(expected);
    expect(html`<a href="${url}">x</a>`.value).toBe(`<a href="${expected.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}">x</a>`);
  });

  it('joins with an escaped separator and drops empty parts', () => {
    expect(join(['a', '', html`<b>b</b>`], ' & ').value).toBe('a &amp; <b>b</b>');
  });
});

describe('jsonForScript', () => {
  const hostile = { name: '</script><script>alert(1)</script> <!-- & \u2028\u2029 -->' };

  it('writes no character that could end the script element or open a comment', () => {
    const text = jsonForScript(hostile);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c/script\\u003e');
  });

  it('parses back to the same value', () => {
    expect(JSON.parse(jsonForScript(hostile))).toEqual(hostile);
  });
});
