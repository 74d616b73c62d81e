// Types of build/runtime-bundle.mjs for the TypeScript that imports it (the bench, tests).
export declare const ROOT: string;
export declare const AUDIT_WORKER_FILE: string;
export interface NodeBundleOptions {
  quiet?: boolean;
  target?: string;
  external?: string[];
  sourcemap?: boolean | 'external';
}
export declare function nodeBundleOptions(outDir: string, options?: NodeBundleOptions): Record<string, unknown>;
export declare function buildNodeBundle(entry: string, outDir: string, outName: string, options?: NodeBundleOptions): Promise<string[]>;
export declare function cachedBundle(
  entry: string, env?: NodeJS.ProcessEnv, cacheDir?: string, onError?: (message: string) => void,
): Promise<string | null>;
