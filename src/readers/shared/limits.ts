// The input limits every reader enforces (docs/text.md "Limits"): past them a file or a record is refused with
// LDPUB_TOO_LARGE, never read into memory without bound.

export interface InputLimits {
  /** Bytes in one file (default 64 MiB). */
  maxFileBytes: number;
  /** Entries (BibTeX entries, RIS records, JSON items) in one file (default 10,000). */
  maxEntries: number;
  /** Authors and other contributors of one record (default 5,000). */
  maxAuthors: number;
}

export const DEFAULT_LIMITS: InputLimits = Object.freeze({
  maxFileBytes: 64 * 1024 * 1024,
  maxEntries: 10_000,
  maxAuthors: 5_000,
});

const ENV: { [key in keyof InputLimits]: string } = {
  maxFileBytes: 'LDPUB_MAX_FILE_BYTES',
  maxEntries: 'LDPUB_MAX_ENTRIES',
  maxAuthors: 'LDPUB_MAX_AUTHORS',
};

/** The defaults, each overridden by its environment variable when that is a positive integer. */
export function limitsFromEnv(env: { [key: string]: string | undefined }): InputLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(ENV) as (keyof InputLimits)[]) {
    const raw = env[ENV[key]];
    if (raw !== undefined && /^\d+$/.test(raw.trim()) && Number(raw) > 0) limits[key] = Number(raw);
  }
  return limits;
}

let current: InputLimits | undefined;

/** The limits in force: the environment's, read once. */
export function currentLimits(): InputLimits {
  return (current ??= limitsFromEnv(process.env));
}

/** The environment variable that sets a limit, for error messages. */
export function limitVariable(key: keyof InputLimits): string {
  return ENV[key];
}
