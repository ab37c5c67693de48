// The protocol client alone, every export.
export * from '../../packages/client/src/index.ts';
