import { DefaultAzureCredential } from '@azure/identity';

// A file of its own so that `await import('./default-credential')` loads @azure/identity on
// keyless runs only, and a static import so that the bundle takes the package's CommonJS build
// (its ESM build of Azure's storage code breaks inside ncc's chunks).

/** The job's Azure default credential chain. */
export function defaultCredential(): DefaultAzureCredential {
  return new DefaultAzureCredential();
}
