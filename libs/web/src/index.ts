// The public door of @npa/web: other libs, apps and tests import only what is here.
export { ImportRuns } from './pages/import-runs';
export { mountWebAssets } from './web-assets';
export { pageEngine, partials, VIEWS_DIR } from './view-engine';
export { WebModule } from './web.module';
export { inlineScriptSources } from './inline-scripts';
