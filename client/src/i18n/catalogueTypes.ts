/** Another language's messages for an area: exactly English's keys (a missing or extra key fails the typecheck). */
export type Translation<En> = { readonly [K in keyof En]: string };
