export function analyzeManifest(outdir: string, stdio?: 'inherit' | 'pipe'): void;
