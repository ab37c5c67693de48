// The script-tag file: defines <passwordless-lock> and window.LockPasswordless (built as IIFE).
import { LockPasswordless } from '../../packages/lock/src/index.ts';
import '../../packages/lock/src/define.ts';

globalThis.LockPasswordless = LockPasswordless;
