import { describe, expect, it } from "vitest";
import {
  EMPTY_LEAD,
  formField,
  isNpwp,
  isPhone,
  leadEditSchema,
  leadEditValues,
  leadSchema,
  toLeadBody,
  toLeadPatch,
} from "./lead-schema";
import { exportParams } from "./api";
import { leadQuery } from "./leads/table";

describe("lead form rules", () => {
  it("accepts the NPWP formats the API normalises", () => {
    expect(isNpwp("01.234.567.8-901.000")).toBe(true);
    expect(isNpwp("012345678901000")).toBe(true);
    expect(isNpwp("0012345678901000")).toBe(true);
    expect(isNpwp("123")).toBe(false);
    expect(isNpwp("000000000000000")).toBe(false);
  });

  it("accepts Indonesian phone formats", () => {
    for (const p of ["0812-3456-7890", "+62 812 3456 7890", "6281234567890", "(021) 555 1234"]) {
      expect(isPhone(p)).toBe(true);
    }
    expect(isPhone("12")).toBe(false);
    expect(isPhone("abc")).toBe(false);
  });

  it("needs an identifier of the customer and the RFQ minimum when asked for", () => {
    const none = leadSchema.safeParse({ ...EMPTY_LEAD, contact_name: "Budi", channel: "web" });
    expect(none.success).toBe(false);
    const rfq = leadSchema.safeParse({
      ...EMPTY_LEAD,
      contact_name: "Budi",
      channel: "web",
      npwp: "012345678901000",
      need_rfq: true,
    });
    expect(rfq.success).toBe(false);
    if (!rfq.success) {
      const paths = rfq.error.issues.map((i) => i.path.join("."));
      expect(paths).toEqual(
        expect.arrayContaining(["rfq_service", "rfq_origin", "rfq_destination", "rfq_commodity"]),
      );
    }
  });

  it("builds the lead bundle body without blank fields", () => {
    const body = toLeadBody({
      ...EMPTY_LEAD,
      company_name: " PT Maju ",
      contact_name: "Budi",
      channel: "website",
      need_rfq: true,
      rfq_service: "EXIM",
      rfq_origin: "Jakarta",
      rfq_destination: "Singapore",
      rfq_commodity: "Garment",
      rfq_weight_kg: "1.200,5",
    });
    expect(body).toEqual({
      company_name: "PT Maju",
      contact_name: "Budi",
      channel: "website",
      need_rfq: true,
      rfq: {
        service: "EXIM",
        origin: "Jakarta",
        destination: "Singapore",
        commodity: "Garment",
        weight_kg: 1200.5,
      },
    });
    expect(formField("rfq.origin")).toBe("rfq_origin");
    expect(formField("npwp")).toBe("npwp");
    expect(formField("lead_code")).toBeUndefined();
  });

  it("rejects malformed NPWP, phone and e-mail in the form", () => {
    const base = { ...EMPTY_LEAD, contact_name: "Budi", channel: "website" };
    const paths = (values: typeof EMPTY_LEAD) => {
      const r = leadSchema.safeParse(values);
      return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
    };
    expect(paths({ ...base, npwp: "01.234.567" })).toContain("npwp");
    expect(paths({ ...base, npwp: "01 234 567 8-901 000 1" })).toEqual([]);
    expect(paths({ ...base, phone: "12ab" })).toContain("phone");
    expect(paths({ ...base, email: "nope" })).toContain("email");
    expect(paths({ ...base, email: "budi@maju.co.id" })).toEqual([]);
    expect(paths({ ...base, channel: "", company_name: "PT A" })).toEqual(["channel"]);
    expect(
      paths({
        ...base,
        company_name: "PT A",
        need_rfq: true,
        rfq_service: "EXIM",
        rfq_origin: "A",
        rfq_destination: "B",
        rfq_commodity: "C",
        rfq_weight_kg: "-1",
      }),
    ).toEqual(["rfq_weight_kg"]);
  });
});

describe("lead edit", () => {
  const lead = {
    contact_name: "Budi",
    company_name: "PT Maju",
    email: null,
    phone: "+6281234567890",
    channel: "website",
    status: "new",
    service_interest: null,
    utm_campaign: null,
    notes: null,
  };

  it("sends only the changed fields, clearing with an empty string", () => {
    const initial = leadEditValues(lead);
    expect(initial.email).toBe("");
    expect(toLeadPatch(initial, initial)).toEqual({});
    expect(
      toLeadPatch({ ...initial, status: "contacted", company_name: " ", notes: " hi " }, initial),
    ).toEqual({ status: "contacted", company_name: "", notes: "hi" });
  });

  it("validates like the create form", () => {
    const initial = leadEditValues(lead);
    expect(leadEditSchema.safeParse(initial).success).toBe(true);
    expect(leadEditSchema.safeParse({ ...initial, contact_name: " " }).success).toBe(false);
    expect(leadEditSchema.safeParse({ ...initial, phone: "x" }).success).toBe(false);
  });
});

describe("lead list query", () => {
  it("turns URL strings into typed API parameters", () => {
    expect(
      leadQuery({
        page: 2,
        per_page: 25,
        sort: "-created_at",
        unassigned: "true",
        deleted: "true",
      }),
    ).toEqual({ page: 2, per_page: 25, sort: "-created_at", unassigned: true, deleted: true });
    expect(leadQuery({ page: 1, per_page: 25, unassigned: "false" })).toEqual({
      page: 1,
      per_page: 25,
      unassigned: false,
    });
  });

  it("exports with the current filters but without paging", () => {
    expect(
      exportParams({
        page: 3,
        per_page: 50,
        q: "maju",
        status: "new",
        owner: "",
        sort: "-created_at",
      }),
    ).toEqual([
      ["q", "maju"],
      ["status", "new"],
      ["sort", "-created_at"],
    ]);
  });
});
