import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { z } from "zod";
import { v } from "@/components/form/field-error";
import { FormField } from "@/components/form/form-field";
import { applyServerErrors } from "@/components/form/server-errors";
import { PageHeader } from "@/components/layout/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
} from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { PasswordInput } from "@/components/ui/password-input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { useChangePassword, useMe, useUpdateMe } from "@/features/auth/api";
import { isLanguage, LANGUAGES } from "@/i18n";
import { useErrorMessage } from "@/lib/error-message";
import { useRoleLabel } from "@/lib/labels";
import { NotificationPreferencesCard } from "./notification-preferences";

const profileSchema = z.object({
  full_name: z.string().trim().min(1, v.required).max(200, v.max(200)),
  language: z.enum(["id", "en"]),
});
type ProfileValues = z.infer<typeof profileSchema>;

const passwordSchema = z
  .object({
    current_password: z.string().min(1, v.required),
    new_password: z.string().min(8, v.min(8)).max(128, v.max(128)),
    confirm_password: z.string().min(1, v.required),
  })
  .refine((d) => d.new_password === d.confirm_password, {
    path: ["confirm_password"],
    message: v.mismatch,
  });
type PasswordValues = z.infer<typeof passwordSchema>;

export default function ProfilePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("profile.title")} description={t("profile.subtitle")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <ProfileCard />
        <PasswordCard />
        <NotificationPreferencesCard />
      </div>
    </>
  );
}

function ReadOnly({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex flex-col gap-1">
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="text-sm break-words text-foreground">{value}</dd>
    </div>
  );
}

function ProfileCard() {
  const { t } = useTranslation();
  const me = useMe();
  const roleLabel = useRoleLabel();
  const update = useUpdateMe();
  const errorMessage = useErrorMessage();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ProfileValues>({
    resolver: zodResolver(profileSchema),
    mode: "onTouched",
    values: { full_name: me.full_name, language: isLanguage(me.language) ? me.language : "id" },
  });
  const { errors, isDirty } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    update.mutate(
      { full_name: values.full_name.trim(), language: values.language },
      {
        onSuccess: () => toast.success(t("profile.saved")),
        onError: (error) => {
          const { attached } = applyServerErrors(
            error,
            ["full_name", "language"] as const,
            form.setError,
          );
          if (!attached) setFormError(errorMessage(error));
        },
      },
    );
  });

  return (
    <Card>
      <form noValidate onSubmit={(e) => void onSubmit(e)} data-testid="profile-form">
        <CardHeader>
          <CardTitle>{t("profile.personal")}</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          {formError ? <Alert>{formError}</Alert> : null}
          <dl className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)]">
            <ReadOnly label={t("profile.email")} value={me.email} />
            <ReadOnly label={t("profile.role")} value={roleLabel(me.role)} />
            <ReadOnly label={t("profile.dept")} value={me.dept ?? "—"} />
          </dl>
          <FormField
            label={t("profile.full_name")}
            error={errors.full_name?.message}
            name="full_name"
          >
            <Input autoComplete="name" {...form.register("full_name")} />
          </FormField>
          <FormField
            label={t("profile.language")}
            hint={t("profile.languageHint")}
            error={errors.language?.message}
            name="language"
          >
            <Select {...form.register("language")}>
              {LANGUAGES.map((lng) => (
                <option key={lng} value={lng} lang={lng}>
                  {t(`language.${lng}`)}
                </option>
              ))}
            </Select>
          </FormField>
        </CardContent>
        <CardFooter>
          <Button type="submit" disabled={update.isPending || !isDirty} data-testid="profile-save">
            {update.isPending ? <Spinner /> : null}
            {update.isPending ? t("common.saving") : t("common.save")}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}

function PasswordCard() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const errorMessage = useErrorMessage();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<PasswordValues>({
    resolver: zodResolver(passwordSchema),
    mode: "onTouched",
    defaultValues: { current_password: "", new_password: "", confirm_password: "" },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    change.mutate(
      { current_password: values.current_password, new_password: values.new_password },
      {
        onSuccess: () => {
          toast.success(t("profile.passwordChanged"));
          form.reset();
        },
        onError: (error) => {
          const { attached } = applyServerErrors(
            error,
            ["current_password", "new_password"] as const,
            form.setError,
          );
          if (!attached) setFormError(errorMessage(error));
        },
      },
    );
  });

  return (
    <Card>
      <form noValidate onSubmit={(e) => void onSubmit(e)} data-testid="password-form">
        <CardHeader>
          <CardTitle>{t("profile.changePassword")}</CardTitle>
          <CardDescription>{t("validation.minLength", { min: 8 })}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          {formError ? <Alert>{formError}</Alert> : null}
          <FormField
            label={t("profile.currentPassword")}
            error={errors.current_password?.message}
            name="current_password"
          >
            <PasswordInput autoComplete="current-password" {...form.register("current_password")} />
          </FormField>
          <FormField
            label={t("profile.newPassword")}
            error={errors.new_password?.message}
            name="new_password"
          >
            <PasswordInput autoComplete="new-password" {...form.register("new_password")} />
          </FormField>
          <FormField
            label={t("profile.confirmPassword")}
            error={errors.confirm_password?.message}
            name="confirm_password"
          >
            <PasswordInput autoComplete="new-password" {...form.register("confirm_password")} />
          </FormField>
        </CardContent>
        <CardFooter>
          <Button type="submit" disabled={change.isPending} data-testid="password-save">
            {change.isPending ? <Spinner /> : null}
            {t("profile.changePassword")}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
