// The little of Vue and Angular that the README's examples (vue.ts, angular.ts) call, declared here
// so the examples type-check against this package without installing either framework. Their
// templates are not checked (that needs vue-tsc, svelte-check or ngc).
declare module 'vue' {
  export interface Ref<T> {
    value: T;
  }
  export function ref<T>(value: T): Ref<T>;
}

declare module '@angular/core' {
  export interface SchemaMetadata {
    name: string;
  }
  export const CUSTOM_ELEMENTS_SCHEMA: SchemaMetadata;
  export function Component(metadata: {
    selector: string;
    standalone?: boolean;
    schemas?: SchemaMetadata[];
    template: string;
  }): (target: abstract new (...args: never[]) => unknown, context: ClassDecoratorContext) => void;
}
