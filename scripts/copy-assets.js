// The build compiles TypeScript only; the files the code reads at run time (letter templates, page
// views, the page stylesheet's Sass, the returns' reference CSVs) are copied beside the compiled code, at the same relative paths.
const { cpSync } = require('node:fs');

// `node scripts/copy-assets.js dist/bench-build`: the same beside the bench's compiled copy (README, Benchmarks).
const out = process.argv[2] ?? 'dist';
for (const dir of ['libs/letters/templates', 'libs/web/views', 'libs/web/styles', 'libs/returns/data']) cpSync(dir, `${out}/${dir}`, { recursive: true });
