// The worker's door: the module the worker process boots, which the CLI's sweep, the tests and the
// bench boot too.
export { WorkerModule } from './worker.module';
