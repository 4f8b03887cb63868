// @vitest-environment jsdom
import "@/test/dom";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { Conversation } from "./ticket-conversation";
import type { TicketDetail } from "./types";

const addComment = vi.fn();
const updateTicket = vi.fn();
vi.mock("./api", () => ({
  useAddComment: () => ({ mutate: addComment, isPending: false }),
  useUpdateTicket: () => ({ mutate: updateTicket, isPending: false }),
}));

const ticket = (status: TicketDetail["status"]) =>
  ({ id: "t-1", ticket_code: "TKT-2026-000001", status, comments: [] }) as unknown as TicketDetail;

describe("Conversation", () => {
  beforeEach(() => {
    addComment.mockReset();
    updateTicket.mockReset();
  });

  it("replies to the customer on an open ticket", async () => {
    render(<Conversation ticket={ticket("in_progress")} />);
    expect(screen.queryByTestId("comment-closed-notice")).not.toBeInTheDocument();
    await userEvent.type(screen.getByTestId("comment-input"), "Sudah dikirim");
    await userEvent.click(screen.getByTestId("comment-submit"));
    expect(addComment.mock.calls[0]?.[0]).toEqual({
      comment_text: "Sudah dikirim",
      is_internal_note: false,
    });
  });

  it("takes only internal notes on a closed ticket and offers to reopen it", async () => {
    render(<Conversation ticket={ticket("closed")} />);
    expect(screen.getByTestId("comment-closed-notice")).toBeInTheDocument();
    expect(screen.getByTestId("comment-internal-toggle")).toBeDisabled();
    expect(screen.getByTestId("comment-internal-toggle")).toBeChecked();
    await userEvent.type(screen.getByTestId("comment-input"), "Pelanggan menelepon");
    await userEvent.click(screen.getByTestId("comment-submit"));
    expect(addComment.mock.calls[0]?.[0]).toEqual({
      comment_text: "Pelanggan menelepon",
      is_internal_note: true,
    });
    await userEvent.click(screen.getByTestId("comment-reopen"));
    expect(updateTicket.mock.calls[0]?.[0]).toEqual({ status: "in_progress" });
  });
});
