// Hanko Elements: everything the package exports (its bundle carries English by default).
export * from '@teamhanko/hanko-elements';
