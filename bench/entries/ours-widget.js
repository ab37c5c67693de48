// Our full widget as a page imports it: the element, LockPasswordless, every dependency, English.
export * from '../../packages/lock/src/index.ts';
import '../../packages/lock/src/define.ts';
