/**
 * Type lookups into the generated OpenAPI paths (src/api/schema.d.ts): the JSON body of
 * a response, the JSON request body and the query parameters of an operation.
 */
export type Json<R> = R extends { content: { "application/json": infer T } } ? T : never;
export type Body<P> = P extends { requestBody?: infer B }
  ? NonNullable<B> extends { content: { "application/json": infer T } }
    ? T
    : never
  : never;
export type Query<P> = P extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
