// Entry of an audit worker thread when Vigie runs from its TypeScript sources (CLI, tests, loopback host):
// registers tsx's loader in this thread, then loads the worker. Packaged builds point the pool at a bundle instead.
import { register } from 'tsx/esm/api';

register();
await import('./worker-thread.ts');
