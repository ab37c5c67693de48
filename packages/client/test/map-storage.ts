import type { TransactionStorage } from '../src/index.js';

/** A `TransactionStorage` over a Map (exposed as `map`), without `length` and `key`. */
export function mapStorage(): TransactionStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

/** A `mapStorage()` that lists its keys, like Web Storage. */
export function webStorage(): TransactionStorage & { map: Map<string, string> } {
  const { map, ...methods } = mapStorage();
  return {
    ...methods,
    map,
    key: (index) => [...map.keys()][index] ?? null,
    get length() {
      return map.size;
    },
  };
}
