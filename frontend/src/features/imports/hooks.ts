import { useQuery } from "@tanstack/react-query";
import { importModulesQueryOptions } from "./api";

/** True once the modules are known and the user may import into one (the menu entry). */
export function useCanImport(): boolean {
  const modules = useQuery(importModulesQueryOptions);
  return (modules.data?.length ?? 0) > 0;
}
