import type * as Identity from '@azure/identity';

// A file of its own so that `await import('./default-credential')` loads @azure/identity on
// keyless runs only; require() so that the bundle takes its CommonJS build, as for storage-blob.
const { DefaultAzureCredential } = require('@azure/identity') as typeof Identity;

/** The job's Azure default credential chain. */
export function defaultCredential(): Identity.DefaultAzureCredential {
  return new DefaultAzureCredential();
}
