import { useQuery } from "@tanstack/react-query";
import { departmentsQueryOptions } from "../api";

/** A department's name from GET departments (its code until they load). */
export function useDeptName(): (code: string) => string {
  const departments = useQuery(departmentsQueryOptions);
  return (code) => departments.data?.find((d) => d.code === code)?.name ?? code;
}
