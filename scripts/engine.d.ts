export interface EngineFacts {
  engine: boolean;
  registry: boolean;
  platform: NodeJS.Platform;
  root: boolean;
  debian: boolean;
}
export function engineAction(o: EngineFacts): 'ready' | 'provision' | 'missing';
export function engineEnvFile(engineHome: string, pathNow?: string): Record<string, string>;
export function ensureEngine(o?: {
  engineHome?: string;
  log?: (line: string) => void;
}): Promise<{ action: 'ready' | 'provisioned' | 'missing'; env: Record<string, string> }>;
