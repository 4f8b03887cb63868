import i18n, { isLanguage } from "@/i18n";
import { useUpdateMe } from "./api";

/** Switches the UI language at once and stores it on the account. */
export function useSwitchLanguage() {
  const update = useUpdateMe();
  return (lng: string) => {
    if (!isLanguage(lng) || lng === i18n.language) return;
    void i18n.changeLanguage(lng);
    update.mutate({ language: lng });
  };
}
