// The architecture, as rules (docs/architecture.md has the same table in prose). The folders of
// src/ stand in layers, top to bottom: a folder may import itself and the folders of the layers
// below its own, never a folder of its own layer or of one above. Folders share a layer when none
// needs another: a new room is placed by what it imports, not given an arbitrary rank.
const LAYERS = [
  ['entry'],
  ['app'],
  ['report'],
  ['merge', 'mounts'],
  ['bake', 'buildx', 'cleanup', 'facts', 'localcache'],
  ['plan'],
  ['github', 'stores'],
  ['git', 'runner'],
  ['lib', 'net'],
];
const FOLDERS = LAYERS.flat();

/** Imports that do something: the file system, processes, the network. */
const EFFECTS = ['^(node:)?(fs|fs/promises|child_process|net|http|https)$', '^src/net/'];

const upward = LAYERS.flatMap((layer, i) =>
  layer.flatMap((folder) => {
    const barred = LAYERS.slice(0, i + 1)
      .flat()
      .filter((f) => f !== folder);
    // The top layer's only folder has nothing above it, nor beside it, to bar.
    if (barred.length === 0) return [];
    return {
      name: `${folder}-imports-downward`,
      comment: `src/${folder}/ may import only the layers below its own: ${
        LAYERS.slice(i + 1)
          .flat()
          .join(', ') || 'none'
      }`,
      severity: 'error',
      from: { path: `^src/${folder}/` },
      to: { path: `^src/(${barred.join('|')})/` },
    };
  }),
);

/** The clouds' SDKs: large, and needed by one backend each. */
const CLOUD_SDKS = '(^|/)node_modules/(@aws-sdk|@smithy|@azure)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'an import cycle: the rooms it joins can no longer be read (or tested) alone',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'known-floor',
      comment: `every file of src/ lives in one of the layers' folders: ${FOLDERS.join(', ')}`,
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/', pathNot: `^src/(${FOLDERS.join('|')})/` },
    },
    ...upward,
    {
      name: 'pure-report-and-plan',
      comment: 'report/ and plan/ are pure: no file system, no processes, no network',
      severity: 'error',
      from: { path: '^src/(report|plan)/' },
      to: { path: EFFECTS },
    },
    {
      name: 'pure-report-and-plan-all-the-way-down',
      comment:
        'report/ and plan/ are pure through everything they import, types included: a type of theirs lives in a pure file',
      severity: 'error',
      from: { path: '^src/(report|plan)/' },
      to: { path: EFFECTS, reachable: true },
    },
    {
      name: 'cloud-sdks-in-their-rooms',
      comment: 'the AWS and Azure SDKs serve the s3 and azblob checks only: other runs never load them',
      severity: 'error',
      from: { pathNot: '^src/stores/(s3|azblob)/' },
      to: { path: CLOUD_SDKS },
    },
    {
      name: 'cloud-checks-loaded-lazily',
      comment:
        'the s3 and azblob checks, and the SDKs they import, are loaded with await import(), on runs with that backend only',
      severity: 'error',
      from: { pathNot: '^src/stores/(s3|azblob)/' },
      to: {
        path: '^src/stores/(s3|azblob)/',
        dynamic: false,
        dependencyTypesNot: ['type-only', 'type-import'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a type is a contract, and a contract has one home.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)__tests__/' },
  },
};
