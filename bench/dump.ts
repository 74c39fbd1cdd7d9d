// Memory while streaming a bulk dump of the whole catalog: how far RSS grows above the loaded catalog as /dump.nt streams.

export interface DumpMeasure {
  bytes: number;
  ms: number;
  rssBefore: number;
  rssPeak: number;
  growth: number;
}

/** Streams `url` to nowhere in this process (the one holding the catalog), sampling RSS every 50 ms. */
export async function measureDumpStream(url: string): Promise<DumpMeasure> {
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const timer = setInterval(() => { rssPeak = Math.max(rssPeak, process.memoryUsage().rss); }, 50);
  const t0 = performance.now();
  try {
    const res = await fetch(url);
    if (!res.ok || !res.body) throw new Error(`GET /dump.nt answered ${res.status}`);
    let bytes = 0;
    for await (const chunk of res.body) bytes += (chunk as Uint8Array).byteLength;
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    return { bytes, ms: performance.now() - t0, rssBefore, rssPeak, growth: rssPeak - rssBefore };
  } finally {
    clearInterval(timer);
  }
}
