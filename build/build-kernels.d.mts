export const ROOT: string;
export const SOURCE: string;
export const OUTPUT: string;
export const ROUNDS: string;
export function compileKernels(outFile?: string): void;
