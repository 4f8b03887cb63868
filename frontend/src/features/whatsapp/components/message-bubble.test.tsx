// @vitest-environment jsdom
import "@/test/dom";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Message } from "../types";
import { MessageBubble } from "./message-bubble";

const message = (fields: Partial<Message>): Message => ({
  id: "m-1",
  provider_message_id: "wamid.1",
  direction: "outbound",
  sender_kind: "agent",
  message_type: "text",
  content: {},
  status: "sent",
  sent_at: "2026-12-09T01:00:00Z",
  ...fields,
});

const bubble = (fields: Partial<Message>) =>
  render(
    <ol>
      <MessageBubble message={message(fields)} />
    </ol>,
  );

describe("MessageBubble", () => {
  it("shows a failed send in red with the provider's title, code and details", () => {
    bubble({
      status: "failed",
      sender_kind: "bot",
      body: "Promo Desember",
      errors: [
        {
          code: 131047,
          title: "Re-engagement message",
          error_data: { details: "More than 24 hours have passed." },
        },
      ] as unknown as Message["errors"],
    });
    expect(screen.getByTestId("message-ticks")).toHaveAttribute("data-tick", "failed");
    expect(screen.getByTestId("message-ticks")).toHaveTextContent("Not delivered");
    expect(screen.getByTestId("message-error")).toHaveTextContent("Re-engagement message (131047)");
    expect(screen.getByTestId("message-error")).toHaveTextContent("More than 24 hours");
    expect(screen.getByTestId("message-sender")).toHaveTextContent("Bot");
  });

  it("names the agent and marks a read message", () => {
    bubble({ status: "read", agent_name: "Rina", body: "Selamat pagi" });
    expect(screen.getByTestId("message-sender")).toHaveTextContent("Rina");
    expect(screen.getByTestId("message-ticks")).toHaveAttribute("data-tick", "read");
    expect(screen.getByTitle("Read")).toBeInTheDocument();
  });

  it("puts the customer's media on the left with a chip and its caption", () => {
    bubble({
      direction: "inbound",
      sender_kind: "customer",
      status: "received",
      message_type: "document",
      body: "Invoice",
      content: { filename: "inv.pdf" } as unknown as Message["content"],
    });
    const item = screen.getByTestId("message");
    expect(item).toHaveAttribute("data-direction", "inbound");
    expect(item).toHaveClass("justify-start");
    expect(screen.getByTestId("message-type")).toHaveTextContent("Document");
    expect(screen.getByText("inv.pdf")).toBeInTheDocument();
    expect(screen.queryByTestId("message-ticks")).not.toBeInTheDocument();
    expect(screen.queryByTestId("message-sender")).not.toBeInTheDocument();
  });
});
