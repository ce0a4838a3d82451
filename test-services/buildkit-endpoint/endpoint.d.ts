import type { Server } from 'node:net';

export const DEFAULT_PORT: number;
export function upgradeRequest(): string;
export interface ResponseHead {
  status: number;
  reason: string;
  headers: Record<string, string>;
  rest: Buffer;
}
export function parseResponseHead(buf: Buffer): ResponseHead | null;
export function upgradeRefusal(head: ResponseHead): string | null;
export function dockerSocket(env?: Record<string, string | undefined>): string;
export function standInFiles(port: number): Record<string, string>;
export function standInImage(port: number, registry?: string): string;
export function serve(o?: {
  socket?: string;
  port?: number;
  log?: (line: string) => void;
  upgradeTimeoutMs?: number;
}): Promise<Server>;
export function ensureBuildkitEndpoint(o?: {
  env?: Record<string, string | undefined>;
  log?: (line: string) => void;
}): Promise<{ endpoint: string; image: string }>;
