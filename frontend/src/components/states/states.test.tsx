// @vitest-environment jsdom
import "@/test/dom";
import { render, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "@/api/errors";
import { ErrorState } from "./states";

vi.mock("@tanstack/react-router", () => ({
  Link: ({ to, children }: { to: string; children: ReactNode }) => <a href={to}>{children}</a>,
}));

describe("ErrorState", () => {
  it("says access denied for a record the user may not see (403), without a retry", () => {
    render(
      <ErrorState error={new ApiError(403, "forbidden", "Forbidden")} onRetry={() => undefined} />,
    );
    expect(screen.getByRole("heading")).toHaveTextContent("Access denied");
    expect(screen.getByTestId("forbidden-state")).toBeInTheDocument();
    expect(screen.queryByText("Could not load the data")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Try again" })).not.toBeInTheDocument();
  });

  it("says not found for a record that does not exist (404)", () => {
    render(<ErrorState error={new ApiError(404, "not_found", "Not found")} />);
    expect(screen.getByRole("heading")).toHaveTextContent("Not found");
    expect(screen.getByTestId("not-found")).toBeInTheDocument();
  });

  it("keeps the load error with a retry for anything else", () => {
    render(
      <ErrorState error={new ApiError(500, "internal_error", "boom")} onRetry={() => undefined} />,
    );
    expect(screen.getByTestId("error-state")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });
});
