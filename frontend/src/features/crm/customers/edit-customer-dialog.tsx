import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { isApiError } from "@/api/errors";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useErrorMessage } from "@/lib/error-message";
import { useUpdateCustomer } from "../api";
import { parseCoordinates } from "../coordinates";
import type { Customer360 } from "../types";

export function EditCustomerDialog({
  customer,
  onClose,
}: {
  customer: Customer360["customer"];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateCustomer(customer.id);
  const [values, setValues] = useState({
    company_name: customer.company_name,
    contact_name: customer.contact_name ?? "",
    phone: customer.phone ?? "",
    email: customer.email ?? "",
    npwp: customer.npwp ?? "",
    address: customer.address ?? "",
    city: customer.city ?? "",
    latitude: customer.latitude?.toString() ?? "",
    longitude: customer.longitude?.toString() ?? "",
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const errorMessage = useErrorMessage();
  const fields = [
    ["company_name", t("crm.customers.company")],
    ["contact_name", t("crm.leads.contact")],
    ["phone", t("crm.form.phone")],
    ["email", t("crm.form.email")],
    ["npwp", t("crm.form.npwp")],
    ["address", t("crm.customer.address")],
    ["city", t("crm.customers.city")],
    ["latitude", t("crm.customer.latitude")],
    ["longitude", t("crm.customer.longitude")],
  ] as const;
  const save = () => {
    setErrors({});
    setFormError(null);
    const coords = parseCoordinates(values.latitude, values.longitude);
    if (!coords.ok) {
      setErrors(
        Object.fromEntries(
          Object.entries(coords.errors).map(([k, m]) => [
            k,
            t(m as "crm.customer.invalidLatitude"),
          ]),
        ),
      );
      return;
    }
    update.mutate(
      {
        company_name: values.company_name,
        contact_name: values.contact_name,
        phone: values.phone,
        email: values.email,
        npwp: values.npwp,
        address: values.address,
        city: values.city,
        ...(coords.value ?? {}),
      },
      {
        onSuccess: () => {
          toast.success(t("crm.customer.saved"));
          onClose();
        },
        onError: (e) => {
          if (isApiError(e) && Object.keys(e.details).length > 0) {
            setErrors(
              Object.fromEntries(Object.entries(e.details).map(([k, m]) => [k, m.join(" ")])),
            );
          } else {
            setFormError(errorMessage(e));
          }
        },
      },
    );
  };
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>{t("crm.customer.edit")}</DialogTitle>
        </DialogHeader>
        {formError ? <p className="text-sm text-danger">{formError}</p> : null}
        <div className="grid gap-3 sm:grid-cols-2">
          {fields.map(([name, label]) => (
            <div key={name} className="flex flex-col gap-1">
              <Label htmlFor={`c-${name}`}>{label}</Label>
              <Input
                id={`c-${name}`}
                value={values[name]}
                inputMode={name === "latitude" || name === "longitude" ? "decimal" : undefined}
                aria-describedby={errors[name] ? `c-${name}-error` : undefined}
                aria-invalid={errors[name] ? true : undefined}
                onChange={(e) => setValues({ ...values, [name]: e.target.value })}
              />
              {errors[name] ? (
                <p id={`c-${name}-error`} className="text-xs font-medium text-danger">
                  {errors[name]}
                </p>
              ) : null}
            </div>
          ))}
        </div>
        <DialogFooter>
          <Button variant="outline" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button onClick={save} disabled={update.isPending}>
            {t("common.save")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
