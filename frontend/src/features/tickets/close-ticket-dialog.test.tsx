// @vitest-environment jsdom
import "@/test/dom";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { CloseTicketDialog } from "./close-ticket-dialog";
import type { TicketDetail } from "./types";

const updateTicket = vi.fn();
vi.mock("./api", () => ({
  useUpdateTicket: () => ({ mutate: updateTicket, isPending: false }),
}));

const ticket = (ticket_type: string) =>
  ({ id: "t-1", ticket_code: "TCK-0001", ticket_type }) as TicketDetail;

describe("CloseTicketDialog", () => {
  beforeEach(() => updateTicket.mockReset());

  it("asks an inquiry for its outcome, and a lost one for its reason", async () => {
    render(<CloseTicketDialog ticket={ticket("inquiry_tariff")} onClose={() => undefined} />);
    await userEvent.click(screen.getByTestId("confirm-close"));
    expect(await screen.findByText("Choose the inquiry outcome")).toBeInTheDocument();

    await userEvent.click(screen.getByTestId("outcome-lost"));
    await userEvent.click(screen.getByTestId("confirm-close"));
    expect(await screen.findByText("A reason is required for a lost inquiry")).toBeInTheDocument();
    expect(screen.getByTestId("close-reason")).toHaveAttribute("aria-invalid", "true");
    expect(updateTicket).not.toHaveBeenCalled();
  });

  it("sends the parsed change: closed, the trimmed reason and the outcome", async () => {
    render(<CloseTicketDialog ticket={ticket("inquiry_tariff")} onClose={() => undefined} />);
    await userEvent.click(screen.getByTestId("outcome-lost"));
    await userEvent.type(screen.getByTestId("close-reason"), "  Harga kompetitor lebih murah ");
    await userEvent.click(screen.getByTestId("confirm-close"));
    expect(updateTicket).toHaveBeenCalledOnce();
    expect(updateTicket.mock.calls[0]?.[0]).toEqual({
      status: "closed",
      close_reason: "Harga kompetitor lebih murah",
      inquiry_outcome: "lost",
    });
  });

  it("closes any other ticket without a reason or an outcome", async () => {
    render(<CloseTicketDialog ticket={ticket("complaint")} onClose={() => undefined} />);
    expect(screen.queryByTestId("outcome-won")).not.toBeInTheDocument();
    await userEvent.click(screen.getByTestId("confirm-close"));
    expect(updateTicket.mock.calls[0]?.[0]).toEqual({ status: "closed" });
  });
});
