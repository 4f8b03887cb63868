import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useMe } from "@/features/auth/api";
import { userQueryOptions } from "../api";

/** Who closed or reopened a period, by name (from the company directory). */
export function UserName({ id }: { id: string | null | undefined }) {
  const { t } = useTranslation();
  const me = useMe();
  const user = useQuery({ ...userQueryOptions(id ?? ""), enabled: !!id && id !== me.id });
  if (!id) return <>{t("kpi.closes.unknownUser")}</>;
  if (id === me.id) return <>{me.full_name}</>;
  return <>{user.data?.full_name ?? (user.isError ? t("kpi.closes.unknownUser") : "…")}</>;
}
