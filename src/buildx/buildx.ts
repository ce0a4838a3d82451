// Apart from install.ts so that post, which only removes a builder, loads no installer code.
/** How buildx is run: as the docker CLI plugin, or as a standalone binary we installed. */
export interface Buildx {
  command: string;
  /** Turns `['buildx', …]` into this runner's arguments. */
  argv(args: string[]): string[];
  version: string;
  path: string;
}

export function pluginBuildx(version: string): Buildx {
  return { command: 'docker', argv: (args) => args, version, path: '' };
}

export function standaloneBuildx(binary: string, version: string): Buildx {
  return {
    command: binary,
    argv: (args) => (args[0] === 'buildx' ? args.slice(1) : args),
    version,
    path: binary,
  };
}
