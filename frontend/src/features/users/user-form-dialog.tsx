import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { z } from "zod";
import { DEPARTMENT_VALUES, ROLE_VALUES } from "@/api/enums.gen";
import { isApiError } from "@/api/errors";
import type { CreateUserBody, UpdateUserBody, User } from "@/api/types";
import { v } from "@/components/form/field-error";
import { FormField } from "@/components/form/form-field";
import { applyServerErrors } from "@/components/form/server-errors";
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
import { Input } from "@/components/ui/input";
import { PasswordInput } from "@/components/ui/password-input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { useErrorMessage } from "@/lib/error-message";
import type { Assert, IsAssignable } from "@/lib/form-types";
import { useRoleLabel } from "@/lib/labels";
import { newIdempotencyKey } from "@/lib/utils";
import {
  departmentsQueryOptions,
  managersQueryOptions,
  rolesQueryOptions,
  useCreateUser,
  useUpdateUser,
} from "./api";

// Mirrors the API rules: e-mail format, name required, password ≥ 8 characters.
const baseSchema = z.object({
  full_name: z.string().trim().min(1, v.required).max(200, v.max(200)),
  role: z.string().pipe(z.enum(ROLE_VALUES, v.required)),
  dept: z.string().pipe(z.union([z.enum(DEPARTMENT_VALUES), z.literal("")])),
  manager_user_id: z.string(),
});
/** The values as the API takes them: no department or manager is `null`. */
const common = (values: z.output<typeof baseSchema>) => ({
  full_name: values.full_name,
  role: values.role,
  dept: values.dept || null,
  manager_user_id: values.manager_user_id || null,
});
const createSchema = baseSchema
  .extend({
    email: z.string().trim().min(1, v.required).pipe(z.email(v.email)),
    password: z.string().min(8, v.min(8)).max(128, v.max(128)),
  })
  .transform((values) => ({ ...common(values), email: values.email, password: values.password }));
// In edit mode e-mail and password are not part of the form.
const updateSchema = baseSchema
  .extend({ email: z.string(), password: z.string() })
  .transform(common);
type Values = z.input<typeof createSchema>;
type Body = z.output<typeof createSchema> | z.output<typeof updateSchema>;
export type CreateUserFitsApi = Assert<IsAssignable<z.output<typeof createSchema>, CreateUserBody>>;
export type UpdateUserFitsApi = Assert<IsAssignable<z.output<typeof updateSchema>, UpdateUserBody>>;
const FIELDS = ["email", "full_name", "role", "dept", "manager_user_id", "password"] as const;

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Edit this user; create a new one when absent. */
  user?: User | null;
}

export function UserFormDialog({ open, onOpenChange, user }: Props) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{user ? t("users.editTitle") : t("users.createTitle")}</DialogTitle>
          {user ? (
            <DialogDescription>{user.email}</DialogDescription>
          ) : (
            <DialogDescription className="sr-only">{t("users.subtitle")}</DialogDescription>
          )}
        </DialogHeader>
        {open ? <UserForm user={user ?? null} onDone={() => onOpenChange(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function UserForm({ user, onDone }: { user: User | null; onDone: () => void }) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const errorMessage = useErrorMessage();
  const roles = useQuery(rolesQueryOptions);
  const departments = useQuery(departmentsQueryOptions);
  const managers = useQuery(managersQueryOptions);
  const create = useCreateUser();
  const update = useUpdateUser();
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [formError, setFormError] = useState<string | null>(null);
  const isEdit = user !== null;

  const form = useForm<Values, unknown, Body>({
    resolver: zodResolver<Values, unknown, Body>(isEdit ? updateSchema : createSchema),
    mode: "onTouched",
    defaultValues: {
      email: user?.email ?? "",
      full_name: user?.full_name ?? "",
      role: user?.role ?? "",
      dept: user?.dept ?? "",
      manager_user_id: user?.manager_user_id ?? "",
      password: "",
    },
  });
  const { errors } = form.formState;
  const pending = create.isPending || update.isPending;

  const onError = (error: unknown) => {
    const { attached, unattached } = applyServerErrors(error, FIELDS, form.setError);
    if (isApiError(error) && error.code === "conflict" && !attached) {
      form.setError("email", { type: "server", message: t("errors.codes.conflict") });
    } else if (!attached || unattached.length > 0) {
      setFormError([errorMessage(error), ...unattached].join(" "));
    }
    // A changed body must not reuse the key (422 idempotency_key_reused); a network
    // failure may be retried with the same key safely.
    if (isApiError(error) && error.status !== 0) setIdempotencyKey(newIdempotencyKey());
  };

  const onSubmit = form.handleSubmit((body) => {
    setFormError(null);
    if (user) {
      update.mutate(
        {
          id: user.id,
          body: {
            full_name: body.full_name,
            role: body.role,
            dept: body.dept,
            manager_user_id: body.manager_user_id,
          },
        },
        {
          onSuccess: () => {
            toast.success(t("users.updated"));
            onDone();
          },
          onError,
        },
      );
    } else if ("email" in body) {
      create.mutate(
        { body, idempotencyKey },
        {
          onSuccess: (created) => {
            toast.success(t("users.created", { name: created.full_name }));
            onDone();
          },
          onError,
        },
      );
    }
  });

  const managerOptions = (managers.data?.data ?? []).filter((m) => m.id !== user?.id);

  return (
    <form
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      className="flex flex-col gap-4"
      data-testid="user-form"
    >
      {formError ? <Alert>{formError}</Alert> : null}
      {!isEdit ? (
        <FormField label={t("users.fields.email")} error={errors.email?.message} name="email">
          <Input type="email" autoComplete="off" {...form.register("email")} />
        </FormField>
      ) : null}
      <FormField
        label={t("users.fields.full_name")}
        error={errors.full_name?.message}
        name="full_name"
      >
        <Input autoComplete="off" {...form.register("full_name")} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t("users.fields.role")} error={errors.role?.message} name="role">
          <Select {...form.register("role")}>
            <option value="" disabled>
              —
            </option>
            {(roles.data ?? []).map((r) => (
              <option key={r.name} value={r.name}>
                {roleLabel(r.name, r.label)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("users.fields.dept")} error={errors.dept?.message} name="dept" optional>
          <Select {...form.register("dept")}>
            <option value="">{t("users.noDept")}</option>
            {(departments.data ?? []).map((d) => (
              <option key={d.code} value={d.code}>
                {d.code} — {d.name}
              </option>
            ))}
          </Select>
        </FormField>
      </div>
      <FormField
        label={t("users.fields.manager")}
        error={errors.manager_user_id?.message}
        name="manager_user_id"
        optional
      >
        <Select {...form.register("manager_user_id")}>
          <option value="">{t("users.noManager")}</option>
          {managerOptions.map((m) => (
            <option key={m.id} value={m.id}>
              {m.full_name} ({roleLabel(m.role)})
            </option>
          ))}
        </Select>
      </FormField>
      {!isEdit ? (
        <FormField
          label={t("users.fields.password")}
          error={errors.password?.message}
          hint={t("users.passwordHint")}
          name="password"
        >
          <PasswordInput autoComplete="new-password" {...form.register("password")} />
        </FormField>
      ) : null}
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" disabled={pending} data-testid="user-form-submit">
          {pending ? <Spinner /> : null}
          {pending ? t("common.saving") : isEdit ? t("common.save") : t("common.create")}
        </Button>
      </DialogFooter>
    </form>
  );
}
