// The plugin's public entry point; its types sit under dist/, which the project's "node" module resolution
// finds only by path.
declare module '@nestjs/swagger/plugin' {
  export * from '@nestjs/swagger/dist/plugin';
}
