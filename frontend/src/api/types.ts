/**
 * Named aliases for generated API types (src/api/schema.d.ts). Nothing here is
 * written by hand: every type is looked up from the OpenAPI paths.
 */
import type { paths } from "./schema";
import type { Json } from "@/api/lookup";

export type TokenResponse = Json<paths["/api/v1/auth/login"]["post"]["responses"][200]>;
export type LoginBody = NonNullable<
  paths["/api/v1/auth/login"]["post"]["requestBody"]
>["content"]["application/json"];
export type Me = Json<paths["/api/v1/auth/me"]["get"]["responses"][200]>;
export type UpdateMeBody = NonNullable<
  paths["/api/v1/auth/me"]["patch"]["requestBody"]
>["content"]["application/json"];
export type Language = Me["language"];

export type UserList = Json<paths["/api/v1/users"]["get"]["responses"][200]>;
export type User = UserList["data"][number];
export type UserListQuery = NonNullable<paths["/api/v1/users"]["get"]["parameters"]["query"]>;
export type CreateUserBody = NonNullable<
  paths["/api/v1/users"]["post"]["requestBody"]
>["content"]["application/json"];
export type UpdateUserBody = NonNullable<
  paths["/api/v1/users/{id}"]["patch"]["requestBody"]
>["content"]["application/json"];

export type Role = Json<paths["/api/v1/roles"]["get"]["responses"][200]>[number];
export type Department = Json<paths["/api/v1/departments"]["get"]["responses"][200]>[number];

export type ApiKeyList = Json<paths["/api/v1/api-keys"]["get"]["responses"][200]>;
export type ApiKey = ApiKeyList["data"][number];
export type CreatedApiKey = Json<paths["/api/v1/api-keys"]["post"]["responses"][201]>;
export type CreateApiKeyBody = NonNullable<
  paths["/api/v1/api-keys"]["post"]["requestBody"]
>["content"]["application/json"];
