export { startAzurite, azuriteAccount, freePort, type Azurite, type AzuriteOptions } from './azurite';
export {
  PERMISSION_READ,
  PERMISSION_WRITE,
  PERMISSION_READ_WRITE,
  TokenError,
  decodeTokenUnverified,
  mintToken,
  parseAccessControls,
  pullRequestScopes,
  pushScopes,
  readOnlyScopes,
  toRef,
  verifyToken,
  type MintTokenOptions,
  type ScopeGrant,
  type VerifiedToken,
} from './token';
export {
  CACHE_SERVICE,
  CACHE_SERVICE_METHODS,
  LIST_METHODS,
  REST_METHODS,
  TWIRP_PREFIX,
  READ_DENIED_MESSAGE,
  WRITE_DENIED_MESSAGE,
  type CacheServiceMethod,
  type GhaCacheEntry,
  type RequestRecord,
  type RestMethod,
} from './protocol';
export { FaultSwitches, type RequestFaultOptions } from './faults';
export {
  startGhaCacheService,
  type GhaCacheEnv,
  type GhaCacheService,
  type GhaCacheServiceOptions,
} from './service';
export { EntryRateLimit, type EntryRateLimitOptions } from './rate-limit';
