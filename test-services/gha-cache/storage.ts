import { randomBytes } from 'node:crypto';
import {
  BlobSASPermissions,
  BlobServiceClient,
  type ContainerClient,
  SASProtocol,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters,
} from '@azure/storage-blob';
import type { Azurite } from './azurite';
import type { GhaCacheEntry } from './protocol';

/**
 * The service's entries and their blobs: the index in memory, the bytes in an Azurite container,
 * reached by clients through signed (SAS) URLs, as GitHub's service hands out.
 */
export class EntryStorage {
  private readonly store: GhaCacheEntry[] = [];
  private nextId = 1;
  private readonly containerClient: ContainerClient;
  private readonly credential: StorageSharedKeyCredential;

  constructor(
    readonly azurite: Azurite,
    readonly container: string,
    private readonly sasLifetimeSeconds: number,
  ) {
    this.credential = new StorageSharedKeyCredential(azurite.accountName, azurite.accountKey);
    this.containerClient = new BlobServiceClient(azurite.blobEndpoint, this.credential).getContainerClient(
      container,
    );
  }

  async createContainer(): Promise<void> {
    await this.containerClient.createIfNotExists();
  }

  /** Every entry, finalized or not, in creation order (the live index: read it, change it through the methods). */
  get all(): readonly GhaCacheEntry[] {
    return this.store;
  }

  /** A new entry, not finalized, with a blob name of its own (CreateCacheEntry). */
  reserve(scope: string, key: string, version: string): GhaCacheEntry {
    const id = this.nextId++;
    const entry: GhaCacheEntry = {
      id,
      scope,
      key,
      version,
      size: 0,
      createdAt: new Date(),
      finalized: false,
      blobName: `${id}-${randomBytes(6).toString('hex')}`,
    };
    this.store.push(entry);
    return entry;
  }

  byId(entry: GhaCacheEntry | number): GhaCacheEntry | undefined {
    const id = typeof entry === 'number' ? entry : entry.id;
    return this.store.find((e) => e.id === id);
  }

  /** The bytes uploaded to an entry's blob, or undefined when nothing was uploaded. */
  async uploadedSize(entry: GhaCacheEntry): Promise<number | undefined> {
    try {
      const props = await this.containerClient.getBlobClient(entry.blobName).getProperties();
      return props.contentLength ?? 0;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async blobBytes(entry: GhaCacheEntry | number): Promise<Buffer | undefined> {
    const e = this.byId(entry);
    if (!e) return undefined;
    try {
      return await this.containerClient.getBlobClient(e.blobName).downloadToBuffer();
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async dropBlob(entry: GhaCacheEntry | number): Promise<void> {
    const e = this.byId(entry);
    if (!e) throw new Error(`no cache entry ${typeof entry === 'number' ? entry : entry.id}`);
    await this.containerClient.getBlobClient(e.blobName).deleteIfExists();
  }

  async deleteEntry(entry: GhaCacheEntry | number): Promise<boolean> {
    const e = this.byId(entry);
    if (!e) return false;
    this.store.splice(this.store.indexOf(e), 1);
    await this.containerClient.getBlobClient(e.blobName).deleteIfExists();
    return true;
  }

  /** A signed URL to a blob of the container, with `permissions` (`r`, `cw`) for the SAS lifetime. */
  sasUrl(blobName: string, permissions: string): string {
    const sas = generateBlobSASQueryParameters(
      {
        containerName: this.container,
        blobName,
        permissions: BlobSASPermissions.parse(permissions),
        expiresOn: new Date(Date.now() + this.sasLifetimeSeconds * 1000),
        protocol: SASProtocol.HttpsAndHttp,
      },
      this.credential,
    ).toString();
    const path = blobName.split('/').map(encodeURIComponent).join('/');
    return `${this.azurite.blobEndpoint}/${this.container}/${path}?${sas}`;
  }
}

function isNotFound(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { statusCode?: number }).statusCode === 404;
}
