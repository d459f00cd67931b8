// The walls between libs, checked by `npm run lint` (lint:deps). Each lib is entered only through its
// door, libs/<lib>/src/index.ts (`@npa/<lib>`), or its test door libs/<lib>/src/testing/index.ts
// (`@npa/<lib>/testing`, for test/, bench/ and specs only); libs form no cycle; a lib imports only libs of
// its own layer or below. /work/codemods/doors.ts rewrites deep imports to the doors.

/** Bottom first. A lib may import its own layer and those below it, never above; apps sit on top. */
const LAYERS = [
  ['platform', 'database'],
  ['registry', 'training', 'supervision'],
  ['compliance', 'approval', 'letters', 'reminders', 'returns', 'privacy', 'imports'],
  ['web'],
];

/**
 * Imports between two libs of one layer, each declared. Layers point down and this graph has no cycle
 * (checked below, when the config loads), so the libs form no cycle: a new sideways import is a line here.
 */
const SIDEWAYS = {
  platform: [],
  database: ['platform'],
  registry: [],
  training: ['registry'],
  supervision: ['registry'],
  compliance: ['letters'],
  approval: ['compliance', 'letters'],
  letters: [],
  reminders: ['approval', 'compliance', 'letters', 'returns'],
  returns: ['letters'],
  privacy: ['approval', 'compliance', 'letters', 'reminders', 'returns'],
  imports: [],
  web: [],
};

for (const lib of LAYERS.flat()) if (!SIDEWAYS[lib]) throw new Error(`.dependency-cruiser.cjs: ${lib} has no SIDEWAYS entry`);
for (const [lib, to] of Object.entries(SIDEWAYS)) {
  const layer = LAYERS.find((l) => l.includes(lib));
  for (const other of to) if (!layer.includes(other)) throw new Error(`.dependency-cruiser.cjs: SIDEWAYS ${lib} -> ${other} is not within one layer`);
}
/** Depth-first: the first cycle in SIDEWAYS, as a path, or null. */
function sidewaysCycle() {
  const state = {};
  const visit = (lib, path) => {
    if (state[lib] === 'open') return [...path.slice(path.indexOf(lib)), lib];
    if (state[lib] === 'done') return null;
    state[lib] = 'open';
    for (const next of SIDEWAYS[lib]) {
      const cycle = visit(next, [...path, lib]);
      if (cycle) return cycle;
    }
    state[lib] = 'done';
    return null;
  };
  for (const lib of Object.keys(SIDEWAYS)) {
    const cycle = visit(lib, []);
    if (cycle) return cycle;
  }
  return null;
}
const cycle = sidewaysCycle();
if (cycle) throw new Error(`.dependency-cruiser.cjs: libs may form no cycle, and SIDEWAYS has ${cycle.join(' -> ')}`);

const DOORS = ['^libs/[^/]+/src/index\\.ts$', '^libs/[^/]+/src/testing/index\\.ts$'];
const TESTS = '^(test|bench)/|\\.spec\\.ts$';
const libs = (names) => `^libs/(${names.join('|')})/`;

const layerRules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `layer-${layer.join('-')}`,
  comment: `${layer.join(', ')} may not import a lib of a higher layer (${LAYERS.slice(i + 1)
    .flat()
    .join(', ')})`,
  severity: 'error',
  from: { path: libs(layer) },
  to: { path: libs(LAYERS.slice(i + 1).flat()) },
}));

const sidewaysRules = LAYERS.flatMap((layer) => layer.map((lib) => ({ lib, others: layer.filter((other) => other !== lib && !SIDEWAYS[lib].includes(other)) })))
  .filter(({ others }) => others.length > 0)
  .map(({ lib, others }) => ({
    name: `sideways-${lib}`,
    comment: `${lib} imports a lib of its own layer only when SIDEWAYS declares it (no cycle allowed)`,
    severity: 'error',
    from: { path: `^libs/${lib}/` },
    to: { path: libs(others) },
  }));

module.exports = {
  forbidden: [
    {
      name: 'no-deep-import-between-libs',
      comment: 'a lib imports another lib only through its door (@npa/<lib>), never a file inside it',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/[^/]+/', pathNot: ['^libs/$1/', ...DOORS] },
    },
    {
      name: 'no-deep-import-from-outside',
      comment: 'apps, tests, bench, migrations and scripts import a lib only through its door (@npa/<lib>)',
      severity: 'error',
      // The swagger plugin's generated metadata names each DTO and controller by its own file (it sets
      // metadata on the class exported there), and it only runs when the OpenAPI document is made.
      from: { pathNot: ['^libs/', '^apps/api/src/openapi/metadata\\.ts$'] },
      to: { path: '^libs/[^/]+/', pathNot: DOORS },
    },
    {
      name: 'testing-door-for-tests-only',
      comment: '@npa/<lib>/testing holds test helpers: only test/, bench/ and specs import it',
      severity: 'error',
      from: { pathNot: TESTS },
      to: { path: '^libs/[^/]+/src/testing/index\\.ts$' },
    },
    {
      name: 'no-cycle-between-libs',
      // Counted module by module: a lib's door re-exports its module, so any file a lib runs is reachable
      // from its door, and two libs that need each other show as a cycle through their doors.
      comment: 'libs form no cycle: a cycle that leaves the lib it starts in',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { circular: true, viaSomeNot: '^libs/$1/' },
    },
    {
      name: 'platform-depends-on-no-lib',
      comment: 'platform (config, queues, mail, auth, audit) imports no other lib',
      severity: 'error',
      from: { path: '^libs/platform/' },
      to: { path: '^libs/(?!platform/)' },
    },
    {
      name: 'libs-do-not-import-apps-or-tests',
      comment: 'apps sit above every lib; tests and bench above everything',
      severity: 'error',
      from: { path: '^libs/', pathNot: TESTS },
      to: { path: '^(apps|test|bench)/' },
    },
    ...layerRules,
    ...sidewaysRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage|var|node_modules)/' },
    // Type-only imports count: a wall is a wall for types too.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.json'] },
    skipAnalysisNotInRules: true,
  },
};
