// The Content-Security-Policy and other security headers every HTML page is served with.
import { STYLESHEET_HASH } from './style.js';

/**
 * No script may run: `default-src 'none'` covers script-src, and the JSON-LD block is a data block, which
 * browsers never execute. The only inline style allowed is the page's own stylesheet, by hash. Images only
 * from the site or data: URLs (the empty favicon). Forms post only to the site; no framing, no <base>.
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    `style-src ${STYLESHEET_HASH}`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers to set on every HTML response, the CSP included. */
export function htmlSecurityHeaders(): { readonly [name: string]: string } {
  return {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  };
}
