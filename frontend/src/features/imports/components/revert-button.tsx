import { Undo2 } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { isApiError } from "@/api/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { currentLocale } from "@/i18n";
import { useErrorMessage } from "@/lib/error-message";
import { formatNumber } from "@/lib/format";
import { useRevertImport } from "../mutations";
import type { Import } from "../types";

/**
 * Undoes an import: every record it created is removed, in one action. The server
 * refuses (409) while it runs or when a created record is in use; its reason is shown.
 */
export function RevertButton({ imp }: { imp: Import }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const errorMessage = useErrorMessage();
  const revert = useRevertImport(imp.id);
  const [open, setOpen] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const close = (next: boolean) => {
    setOpen(next);
    if (!next) setRefusal(null);
  };

  const confirm = () => {
    setRefusal(null);
    revert.mutate(undefined, {
      onSuccess: ({ removed }) => {
        toast.success(
          t("imports.revert.done", { code: imp.import_code, count: formatNumber(removed, locale) }),
        );
        close(false);
      },
      onError: (e) =>
        setRefusal(
          isApiError(e) && e.status === 409
            ? t("imports.revert.refused", { reason: e.message })
            : errorMessage(e),
        ),
    });
  };

  return (
    <>
      <Button variant="destructive" onClick={() => close(true)} data-testid="revert-import">
        <Undo2 aria-hidden /> {t("imports.revert.action")}
      </Button>
      <Dialog open={open} onOpenChange={close}>
        <DialogContent data-testid="revert-dialog">
          <DialogHeader>
            <DialogTitle>{t("imports.revert.title", { code: imp.import_code })}</DialogTitle>
            <DialogDescription>{t("imports.revert.body")}</DialogDescription>
          </DialogHeader>
          {refusal ? <Alert data-testid="revert-refused">{refusal}</Alert> : null}
          <DialogFooter>
            <Button variant="outline" onClick={() => close(false)}>
              {t("common.cancel")}
            </Button>
            <Button
              variant="destructive"
              onClick={confirm}
              disabled={revert.isPending}
              data-testid="confirm-revert"
            >
              {revert.isPending ? <Spinner /> : null}
              {t("imports.revert.confirm")}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}
