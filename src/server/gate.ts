// The validation gate the server publishes through. Until the SHACL validator is wired in, it accepts every record.
import type { Gate } from '../catalog/load.js';

export async function loadGate(): Promise<Gate> {
  return () => ({ conforms: true, results: [] });
}
