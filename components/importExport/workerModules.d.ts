// Vite bundles a module imported with `?worker` as a worker script of its own and gives its
// constructor (components/importExport/parseInWorker.ts); the declaration Vite ships with it
// comes with all of vite/client, which this project does not otherwise load.
declare module '*?worker' {
  const WorkerConstructor: new (options?: { name?: string }) => Worker;
  export default WorkerConstructor;
}
