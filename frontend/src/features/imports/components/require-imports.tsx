import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ForbiddenState, PageSkeleton } from "@/components/states/states";
import { importModulesQueryOptions } from "../api";
import type { ImportModuleInfo } from "../types";
import { QueryError } from "./query-error";

/**
 * The Import Center's pages: for users with a module to import into (the list is
 * handed down); others get the forbidden state.
 */
export function RequireImports({
  children,
}: {
  children: (modules: ImportModuleInfo[]) => ReactNode;
}) {
  const modules = useQuery(importModulesQueryOptions);
  if (modules.isPending) return <PageSkeleton />;
  if (modules.error)
    return <QueryError error={modules.error} onRetry={() => void modules.refetch()} />;
  if (modules.data.length === 0) return <ForbiddenState />;
  return children(modules.data);
}
