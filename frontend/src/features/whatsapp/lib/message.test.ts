import { describe, expect, it } from "vitest";
import { contentSummary, conversationName, providerErrors, tickMark, typeChip } from "./message";

const out = (status: string) => ({ direction: "outbound", status });

describe("tickMark", () => {
  it("marks outbound messages: ✓ sent, ✓✓ delivered, blue ✓✓ read, red failed", () => {
    expect(tickMark(out("sent"))).toMatchObject({ tick: "sent", icon: "check", tone: "muted" });
    expect(tickMark(out("delivered"))).toMatchObject({ icon: "double", tone: "muted" });
    expect(tickMark(out("read"))).toMatchObject({ icon: "double", tone: "blue" });
    expect(tickMark(out("failed"))).toMatchObject({ icon: "alert", tone: "red" });
    expect(tickMark(out("queued"))).toMatchObject({ icon: "clock", tone: "muted" });
    expect(tickMark(out("read"))?.label).toBe("whatsapp.tick.read");
  });

  it("leaves inbound messages and unknown statuses unmarked", () => {
    expect(tickMark({ direction: "inbound", status: "received" })).toBeNull();
    expect(tickMark({ direction: "inbound", status: "read" })).toBeNull();
    expect(tickMark(out("received"))).toBeNull();
    expect(tickMark(out("deleted"))).toBeNull();
  });
});

describe("typeChip", () => {
  it("names media and other types, not text", () => {
    expect(typeChip("text", {})).toBeNull();
    expect(typeChip("image", {})?.key).toBe("whatsapp.messageType.image");
    expect(typeChip("document", { filename: "a.pdf" })?.key).toBe("whatsapp.messageType.document");
    expect(typeChip("location", {})?.key).toBe("whatsapp.messageType.location");
    expect(typeChip("contacts", [])?.key).toBe("whatsapp.messageType.contacts");
  });

  it("tells a voice note from other audio", () => {
    expect(typeChip("audio", { voice: true })?.key).toBe("whatsapp.messageType.voice");
    expect(typeChip("audio", { voice: false })?.key).toBe("whatsapp.messageType.audio");
  });

  it("keeps a type it does not know, by name", () => {
    expect(typeChip("poll", {})).toEqual({ key: "whatsapp.messageType.other", type: "poll" });
    expect(typeChip("constructor", {})?.key).toBe("whatsapp.messageType.other");
  });
});

describe("contentSummary", () => {
  it("adds a document's file name to its caption", () => {
    expect(contentSummary("document", { filename: "invoice.pdf" }, "Invoice Desember")).toBe(
      "invoice.pdf",
    );
  });

  it("gives a place's address beside its name (the body), else its coordinates", () => {
    const place = { name: "ITC Kuningan", address: "Jl. Prof. DR. Satrio", latitude: -6.22 };
    expect(contentSummary("location", place, "ITC Kuningan")).toBe("Jl. Prof. DR. Satrio");
    expect(contentSummary("location", { latitude: -6.2233, longitude: 106.8281 })).toBe(
      "-6.2233, 106.8281",
    );
  });

  it("lists shared contacts with their numbers", () => {
    const cards = [
      {
        name: { formatted_name: "Rahmat Hidayat" },
        phones: [{ phone: "+62 811-4100-2233", wa_id: "6281141002233" }],
      },
    ];
    expect(contentSummary("contacts", cards)).toBe("Rahmat Hidayat (+62 811-4100-2233)");
  });

  it("adds nothing for text, images or odd content", () => {
    expect(contentSummary("text", { body: "Halo" }, "Halo")).toBeNull();
    expect(contentSummary("image", { caption: "x" }, "x")).toBeNull();
    expect(contentSummary("document", null)).toBeNull();
    expect(contentSummary("contacts", { not: "a list" })).toBeNull();
  });
});

describe("providerErrors", () => {
  it("reads code, title, details and keeps a message only when it says more", () => {
    const errors = [
      {
        code: 131047,
        title: "Re-engagement message",
        message: "Re-engagement message",
        error_data: { details: "More than 24 hours have passed." },
      },
    ];
    expect(providerErrors(errors)).toEqual([
      {
        code: "131047",
        title: "Re-engagement message",
        message: null,
        details: "More than 24 hours have passed.",
      },
    ]);
    expect(providerErrors([{ code: 1, message: "Only a message" }])[0]).toMatchObject({
      title: "Only a message",
      message: null,
    });
  });

  it("skips what is not an error object", () => {
    expect(providerErrors(null)).toEqual([]);
    expect(providerErrors({ code: 1 })).toEqual([]);
    expect(providerErrors(["x", 1, null, []])).toEqual([]);
  });
});

describe("conversationName", () => {
  it("prefers the WhatsApp name, shows another customer name beside it", () => {
    expect(
      conversationName({
        contact_name: "Budi",
        customer_name: "PT Maju Jaya",
        customer_phone: "+6281234567001",
      }),
    ).toEqual({ name: "Budi", customer: "PT Maju Jaya" });
    expect(
      conversationName({ contact_name: "Budi", customer_name: "Budi", customer_phone: "+62" }),
    ).toEqual({ name: "Budi", customer: null });
    expect(
      conversationName({ contact_name: "Andi", customer_name: "+6281", customer_phone: "+6281" }),
    ).toEqual({ name: "Andi", customer: null });
  });

  it("falls back to the customer, then the number", () => {
    expect(conversationName({ customer_name: "PT X", customer_phone: "+62" }).name).toBe("PT X");
    expect(conversationName({ contact_name: " ", customer_phone: "+6281" })).toEqual({
      name: "+6281",
      customer: null,
    });
  });
});
