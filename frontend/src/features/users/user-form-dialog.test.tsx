// @vitest-environment jsdom
import "@/test/dom";
import { QueryClient, QueryClientProvider, queryOptions } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { UserFormDialog } from "./user-form-dialog";

const createUser = vi.fn();

vi.mock("./api", () => ({
  rolesQueryOptions: queryOptions({
    queryKey: ["roles"],
    queryFn: () =>
      Promise.resolve([
        { name: "cs_agent", label: "CS Agent", description: "" },
        { name: "salesperson", label: "Salesperson", description: "" },
      ]),
  }),
  departmentsQueryOptions: queryOptions({
    queryKey: ["departments"],
    queryFn: () => Promise.resolve([{ code: "CS", name: "Customer Service" }]),
  }),
  managersQueryOptions: queryOptions({
    queryKey: ["users", "managers"],
    queryFn: () => Promise.resolve({ data: [], page: 1, per_page: 200, total: 0 }),
  }),
  useCreateUser: () => ({ mutate: createUser, isPending: false }),
  useUpdateUser: () => ({ mutate: vi.fn(), isPending: false }),
}));

function renderDialog() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <UserFormDialog open onOpenChange={() => undefined} />
    </QueryClientProvider>,
  );
  return within(screen.getByTestId("user-form"));
}

describe("UserFormDialog (create)", () => {
  beforeEach(() => createUser.mockReset());

  it("shows every field's error at once and sends nothing", async () => {
    const form = renderDialog();
    await userEvent.type(form.getByLabelText("E-mail"), "not-an-address");
    await userEvent.type(form.getByLabelText("Initial password"), "short");
    await userEvent.click(form.getByTestId("user-form-submit"));

    expect(await form.findByTestId("error-email")).toHaveTextContent("Not a valid e-mail address");
    expect(form.getByTestId("error-full_name")).toHaveTextContent("Required");
    expect(form.getByTestId("error-role")).toHaveTextContent("Required");
    expect(form.getByTestId("error-password")).toHaveTextContent("At least 8 characters");
    expect(form.getByLabelText("Full name")).toHaveAttribute("aria-invalid", "true");
    expect(createUser).not.toHaveBeenCalled();
  });

  it("submits the parsed values as the API's request body", async () => {
    const form = renderDialog();
    await userEvent.type(form.getByLabelText("E-mail"), "  sari@example.co.id ");
    await userEvent.type(form.getByLabelText("Full name"), "  Sari Wulandari  ");
    await form.findByRole("option", { name: /CS Agent/ });
    await userEvent.selectOptions(form.getByLabelText("Role"), "cs_agent");
    await userEvent.type(form.getByLabelText("Initial password"), "rahasia-123");
    await userEvent.click(form.getByTestId("user-form-submit"));

    expect(createUser).toHaveBeenCalledOnce();
    const [variables] = createUser.mock.calls[0] as [{ body: unknown; idempotencyKey: string }];
    expect(variables.body).toEqual({
      email: "sari@example.co.id",
      full_name: "Sari Wulandari",
      role: "cs_agent",
      dept: null,
      manager_user_id: null,
      password: "rahasia-123",
    });
    expect(variables.idempotencyKey).not.toBe("");
  });
});
