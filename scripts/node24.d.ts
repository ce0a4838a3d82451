export const NODE24: { package: string; version: string; integrity: string; binarySha256: string };
export function node24Dir(env?: Record<string, string | undefined>): string;
export function matchesIntegrity(bytes: Buffer, integrity?: string): boolean;
export function matchesBinary(binary: string, sha256?: string): boolean;
export function ensureNode24(o?: {
  dir?: string;
  log?: (line: string) => void;
  pack?: (scratch: string) => string;
}): string;
export function versionOf(binary: string): string;
