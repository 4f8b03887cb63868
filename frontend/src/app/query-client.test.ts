import { describe, expect, it, vi } from "vitest";
import { ApiError } from "@/api/errors";

const toastError = vi.fn<(message: string, options?: object) => void>();
vi.mock("sonner", () => ({
  toast: {
    error: (message: string, options?: object) => {
      toastError(message, options);
    },
  },
}));
vi.mock("@/i18n", () => ({ default: { t: (key: string) => key } }));

const { createQueryClient } = await import("./query-client");

describe("query client error handling", () => {
  it("shows one server-error toast (fixed id) for failing queries, without retrying 4xx", async () => {
    const client = createQueryClient();
    client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retryDelay: 0 } });
    const fail500 = vi.fn(() => Promise.reject(new ApiError(500, "internal_error", "boom")));
    const fail404 = vi.fn(() => Promise.reject(new ApiError(404, "not_found", "nope")));
    await Promise.allSettled([
      client.query({ queryKey: ["a"], queryFn: fail500 }),
      client.query({ queryKey: ["b"], queryFn: fail500 }),
      client.query({ queryKey: ["c"], queryFn: fail404 }),
    ]);
    expect(fail404).toHaveBeenCalledTimes(1);
    expect(toastError).toHaveBeenCalledTimes(2);
    for (const call of toastError.mock.calls) {
      expect(call[0]).toBe("errors.serverToast");
      expect(call[1]).toMatchObject({ id: "server-error" });
    }
  });

  it("toasts network failures from mutations, not 422s", async () => {
    toastError.mockClear();
    const client = createQueryClient();
    const run = (error: ApiError) =>
      client
        .getMutationCache()
        .build(client, { mutationFn: () => Promise.reject(error) })
        .execute(undefined)
        .catch(() => undefined);
    await run(new ApiError(422, "validation_failed", "bad", { email: ["x"] }));
    expect(toastError).not.toHaveBeenCalled();
    await run(ApiError.network(new TypeError("offline")));
    expect(toastError).toHaveBeenCalledWith(
      "errors.networkToast",
      expect.objectContaining({ id: "server-error" }),
    );
  });
});
