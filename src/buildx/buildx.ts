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

/**
 * Where the docker CLI looks for its buildx plugin, in its order: config.json's
 * `cliPluginsExtraDirs`, `$DOCKER_CONFIG/cli-plugins` (else `~/.docker/cli-plugins`), then the
 * system directories. Running the plugin binary itself skips the docker CLI, which starts it twice
 * per command (once for its metadata): ~0.07 s a call instead of ~0.2 s on a 2-core runner.
 */
export function buildxPluginCandidates(o: {
  dockerConfigDir: string;
  extraDirs: string[];
  platform: NodeJS.Platform;
}): string[] {
  const name = o.platform === 'win32' ? 'docker-buildx.exe' : 'docker-buildx';
  const system =
    o.platform === 'win32'
      ? []
      : [
          '/usr/local/lib/docker/cli-plugins',
          '/usr/local/libexec/docker/cli-plugins',
          '/usr/lib/docker/cli-plugins',
          '/usr/libexec/docker/cli-plugins',
        ];
  return [...o.extraDirs, `${o.dockerConfigDir}/cli-plugins`, ...system].map((d) => `${d}/${name}`);
}

/** `cliPluginsExtraDirs` from docker's config.json text; [] when absent or unreadable. */
export function extraPluginDirs(configJson: string | null): string[] {
  try {
    const dirs = (JSON.parse(configJson ?? '{}') as { cliPluginsExtraDirs?: unknown }).cliPluginsExtraDirs;
    return Array.isArray(dirs) ? dirs.filter((d): d is string => typeof d === 'string') : [];
  } catch {
    return [];
  }
}
