export const NODE24: { package: string; version: string; integrity: string };
export function node24Dir(env?: Record<string, string | undefined>): string;
export function matchesIntegrity(bytes: Buffer, integrity?: string): boolean;
export function ensureNode24(o?: { dir?: string; log?: (line: string) => void }): string;
export function versionOf(binary: string): string;
