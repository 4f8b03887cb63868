/**
 * Compile-time checks that a form's zod schema produces what the API accepts:
 *
 *   type _ = Assert<IsAssignable<z.output<typeof schema>, CreateTaskBody>>;
 *
 * fails to type-check when the schema's parsed values stop fitting the generated
 * OpenAPI request type (a renamed or retyped field).
 */
export type IsAssignable<A, B> = [A] extends [B] ? true : false;
export type Assert<T extends true> = T;
