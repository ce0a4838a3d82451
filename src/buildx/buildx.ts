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

/** The system folders the docker CLI looks in for plugins on Linux and macOS, fixed in its binary. */
export const SYSTEM_PLUGIN_DIRS = [
  '/usr/local/lib/docker/cli-plugins',
  '/usr/local/libexec/docker/cli-plugins',
  '/usr/lib/docker/cli-plugins',
  '/usr/libexec/docker/cli-plugins',
];

/**
 * The docker CLI's system plugin folders. The tests run a copy of the CLI whose folders are
 * stand-ins they own (a buildx installed system-wide must not leak into a "no buildx" case) and
 * name them to the action in BKCA_CLI_PLUGINS_SYSTEM_DIRS (`:`-separated).
 */
export function systemPluginDirs(platform: NodeJS.Platform, standIns: string | undefined): string[] {
  if (platform === 'win32') return [];
  return standIns ? standIns.split(':').filter((d) => d !== '') : SYSTEM_PLUGIN_DIRS;
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
  /** {@link systemPluginDirs}. */
  systemDirs: string[];
}): string[] {
  const name = o.platform === 'win32' ? 'docker-buildx.exe' : 'docker-buildx';
  return [...o.extraDirs, `${o.dockerConfigDir}/cli-plugins`, ...o.systemDirs].map((d) => `${d}/${name}`);
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
