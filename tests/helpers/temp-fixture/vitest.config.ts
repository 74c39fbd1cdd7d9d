// The vitest of tests/helpers/temp.test.ts: only the fixture beside this file.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { root: import.meta.dirname, include: ['leaves-nothing.spec.ts'], pool: 'forks' },
});
