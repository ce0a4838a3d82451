/** What `cache: local` persistence did: the `localCache` field of `cache-report`. */
export interface LocalFolderRecord {
  ref: string;
  /** The cache name, which is also the folder's name. */
  name: string;
  direction: 'read' | 'write';
  restore: 'hit' | 'miss' | 'failed' | '';
  restoredKey: string;
  saved: boolean;
  savedKey: string;
  notSaved: string;
  error: string;
  /** The folder's size after the export and the prune (writes). */
  bytes: number;
  /** Blobs of earlier exports the index no longer reaches, deleted before saving. */
  prunedBlobs: number;
  prunedBytes: number;
  seconds: { restore: number; save: number };
}

export interface LocalCacheReport {
  dir: string;
  folders: LocalFolderRecord[];
}
