// A child process for the crash test: ingests a folder through the built loader with a slow gate, printing
// "staged N" after each durable batch, until it is killed.
import { join } from 'node:path';

const [root, dataDir] = process.argv.slice(2);
const { loadCatalog } = await import(join(root, 'dist', 'src', 'catalog', 'load.js'));
const slow = () => {
  const until = Date.now() + 20;
  while (Date.now() < until);
  return { conforms: true, results: [] };
};
await loadCatalog({
  dataDir,
  base: 'http://data.example.org',
  gate: slow,
  stageBatch: 10,
  onStaged: (n) => process.stdout.write(`staged ${n}\n`),
});
process.stdout.write('done\n');
