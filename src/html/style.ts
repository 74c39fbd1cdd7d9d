// The one stylesheet every page inlines, and its hash for the Content-Security-Policy: no external resource to load.
import { createHash } from 'node:crypto';

export const STYLESHEET = `
:root{color-scheme:light dark;--bg:#fdfdfc;--fg:#1b1b1b;--muted:#4f4f4f;--rule:#d9d9d6;--panel:#f3f3f0;--link:#0a55c4;--visited:#6b2c91;--focus:#c2410c}
@media (prefers-color-scheme:dark){:root{--bg:#15171a;--fg:#e8e8e6;--muted:#b4b4b0;--rule:#3a3d42;--panel:#1f2226;--link:#8cb8ff;--visited:#d0a6f0;--focus:#ffb366}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;font-size:1.0625rem;line-height:1.6}
.wrap{max-width:46rem;margin:0 auto;padding:0 1.25rem}
a{color:var(--link);text-underline-offset:.15em}
a:visited{color:var(--visited)}
a:focus-visible,input:focus-visible,button:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--bg);padding:.5rem 1rem}
.skip:focus{left:.5rem;top:.5rem;z-index:1}
header.site{border-bottom:1px solid var(--rule)}
header.site .wrap{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;align-items:baseline;padding-top:.75rem;padding-bottom:.75rem}
header.site .brand{font-weight:700;text-decoration:none;color:var(--fg);letter-spacing:.02em}
header.site nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0;font-size:.9375rem}
main{padding:1.5rem 0 2.5rem}
main .wrap>*{max-width:65ch}
h1{font-size:clamp(1.5rem,1.2rem + 1.6vw,2.1rem);line-height:1.25;margin:.25rem 0 1rem;overflow-wrap:break-word;font-weight:700}
.sc{font-variant:small-caps}
h2{font-size:1.25rem;line-height:1.3;margin:2rem 0 .5rem;padding-top:1rem;border-top:1px solid var(--rule)}
h3{font-size:1.0625rem;margin:1.25rem 0 .25rem}
p{margin:.5rem 0 1rem}
.kicker{font-size:.875rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:0}
.authors{margin:0 0 .75rem}
.authors .orcid{font-size:.8125rem;margin-left:.25rem}
.journal{color:var(--muted);margin:0 0 .5rem}
.journal cite{font-style:italic;color:var(--fg)}
.doi{margin:0 0 1rem;overflow-wrap:normal;word-break:normal;overflow-x:auto}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.5rem 0 1rem}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0;overflow-wrap:anywhere}
.funding,.affiliations{margin:0;padding-left:1.1rem}
.subjects{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.35rem}
.subjects li{background:var(--panel);border:1px solid var(--rule);border-radius:999px;padding:0 .6rem;font-size:.9375rem}
.style{color:var(--muted);font-size:.875rem;margin:.5rem 0 0}
.citation{background:var(--panel);border-left:4px solid var(--rule);padding:.75rem 1rem;margin:.5rem 0 1rem;overflow-wrap:anywhere}
ul.links{padding-left:1.25rem;margin:.25rem 0 1rem}
ul.links li{margin:.2rem 0}
.type{color:var(--muted);font-size:.875rem;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.875rem}
pre{background:var(--panel);border:1px solid var(--rule);padding:.75rem 1rem;white-space:pre-wrap;word-break:break-all;margin:.5rem 0 1rem}
ol.records{list-style:none;padding:0;margin:0}
ol.records li{padding:.75rem 0;border-bottom:1px solid var(--rule)}
ol.records li:last-child{border-bottom:0}
ol.records .title{font-weight:600;overflow-wrap:break-word}
ol.records .meta{color:var(--muted);font-size:.9375rem;margin:0}
form.filter{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:0 0 1rem}
form.filter label{display:block;font-weight:600;width:100%}
form.filter input{font:inherit;flex:1 1 14rem;min-width:0;padding:.4rem .6rem;border:1px solid var(--muted);border-radius:4px;background:var(--bg);color:var(--fg)}
form.filter button{font:inherit;padding:.4rem 1rem;border:1px solid var(--link);border-radius:4px;background:var(--link);color:var(--bg);cursor:pointer}
.count{color:var(--muted)}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9375rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{text-align:left;vertical-align:top;padding:.4rem .5rem .4rem 0;border-bottom:1px solid var(--rule);overflow-wrap:break-word}
td.data{overflow-wrap:anywhere}
footer.site{border-top:1px solid var(--rule);color:var(--muted);font-size:.875rem;padding:1rem 0 2rem}
@media (max-width:30rem){body{font-size:1rem}.wrap{padding:0 1rem}}
@media print{header.site,footer.site,nav,.skip,section.formats,.styles,.downloads,ul.links{display:none}a{color:inherit}}
`.trim();

/** The CSP source for the inline stylesheet: `'sha256-…'` of the exact text inside `<style>`. */
export const STYLESHEET_HASH = `'sha256-${createHash('sha256').update(STYLESHEET, 'utf8').digest('base64')}'`;
