import { zodResolver } from "@hookform/resolvers/zod";
import { getRouteApi, useRouter } from "@tanstack/react-router";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { isApiError } from "@/api/errors";
import { v } from "@/components/form/field-error";
import { FormField } from "@/components/form/form-field";
import { applyServerErrors } from "@/components/form/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { PasswordInput } from "@/components/ui/password-input";
import { Spinner } from "@/components/ui/spinner";
import i18n, { LANGUAGES } from "@/i18n";
import { useErrorMessage } from "@/lib/error-message";
import { cn } from "@/lib/utils";
import { safeRedirect } from "./access";
import { useLogin } from "./api";

const schema = z.object({
  email: z.string().trim().min(1, v.required).pipe(z.email(v.email)),
  password: z.string().min(1, v.required),
});
type LoginForm = z.infer<typeof schema>;
const FIELDS = ["email", "password"] as const;

const routeApi = getRouteApi("/login");

export default function LoginPage() {
  const { t, i18n: i } = useTranslation();
  const search = routeApi.useSearch();
  const router = useRouter();
  const login = useLogin();
  const errorMessage = useErrorMessage();
  const form = useForm<LoginForm>({
    resolver: zodResolver(schema),
    mode: "onTouched",
    defaultValues: { email: "", password: "" },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    login.mutate(values, {
      onSuccess: () => {
        router.history.replace(safeRedirect(search.redirect));
      },
      onError: (error) => {
        applyServerErrors(error, FIELDS, form.setError);
        if (isApiError(error) && error.code === "invalid_credentials") {
          form.resetField("password");
          form.setFocus("password");
        }
      },
    });
  });

  const error = login.error;
  const showAlert =
    error &&
    !(
      isApiError(error) &&
      error.code === "validation_failed" &&
      Object.keys(error.details).length > 0
    );

  return (
    <div className="flex min-h-full flex-col items-center justify-center bg-navy-900 px-4 py-10">
      <div className="mb-6 flex items-center gap-3 text-white">
        <span
          aria-hidden
          className="flex size-10 items-center justify-center rounded-lg bg-accent-400 text-base font-black text-navy-950"
        >
          CC
        </span>
        <div>
          <p className="text-xl font-semibold">{t("app.name")}</p>
          <p className="text-sm text-slate-300">{t("app.tagline")}</p>
        </div>
      </div>
      <main className="w-full max-w-sm rounded-xl bg-surface p-6 shadow-2xl sm:p-8">
        <h1 className="text-2xl font-semibold text-navy-900">{t("auth.title")}</h1>
        <p className="mt-1 mb-6 text-sm text-muted">{t("auth.subtitle")}</p>
        <form
          noValidate
          onSubmit={(e) => void onSubmit(e)}
          className="flex flex-col gap-4"
          data-testid="login-form"
        >
          {showAlert ? (
            <Alert data-testid="login-error" data-code={isApiError(error) ? error.code : "unknown"}>
              {errorMessage(error)}
            </Alert>
          ) : null}
          <FormField label={t("auth.email")} error={errors.email?.message} name="email">
            <Input
              type="email"
              autoComplete="username"
              autoFocus
              inputMode="email"
              {...form.register("email")}
            />
          </FormField>
          <FormField label={t("auth.password")} error={errors.password?.message} name="password">
            <PasswordInput autoComplete="current-password" {...form.register("password")} />
          </FormField>
          <Button
            type="submit"
            variant="accent"
            size="lg"
            disabled={login.isPending}
            data-testid="login-submit"
          >
            {login.isPending ? <Spinner /> : null}
            {login.isPending ? t("auth.submitting") : t("auth.submit")}
          </Button>
        </form>
      </main>
      <div className="mt-6 flex gap-1 text-sm" role="group" aria-label={t("userMenu.language")}>
        {LANGUAGES.map((lng) => (
          <button
            key={lng}
            type="button"
            lang={lng}
            aria-pressed={i.language === lng}
            onClick={() => void i18n.changeLanguage(lng)}
            className={cn(
              "on-dark rounded px-2 py-1 text-slate-300 hover:text-white",
              i.language === lng && "font-semibold text-accent-400",
            )}
          >
            {t(`language.${lng}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
