/** Named aliases for the receivables (AR/DSO) endpoints, looked up from the generated OpenAPI paths. */
import type { paths } from "@/api/schema";
import type { Body, Json, Query } from "@/api/lookup";

export type OutstandingBody = Json<paths["/api/v1/ar/outstanding"]["get"]["responses"][200]>;
export type OutstandingInvoice = OutstandingBody["data"][number];
export type OutstandingQuery = Query<paths["/api/v1/ar/outstanding"]["get"]>;

export type AgingBody = Json<paths["/api/v1/ar/aging"]["get"]["responses"][200]>;
export type AgingRow = AgingBody["totals"];
export type AgingQuery = Query<paths["/api/v1/ar/aging"]["get"]>;

export type DsoBody = Json<paths["/api/v1/ar/dso"]["get"]["responses"][200]>;
export type DsoPoint = DsoBody["series"][number];
export type DsoQuery = Query<paths["/api/v1/ar/dso"]["get"]>;

export type MyCustomersBody = Json<paths["/api/v1/ar/my-customers"]["get"]["responses"][200]>;

export type InvoiceList = Json<paths["/api/v1/invoices"]["get"]["responses"][200]>;
export type Invoice = InvoiceList["data"][number];
export type InvoiceListQuery = Query<paths["/api/v1/invoices"]["get"]>;
export type InvoiceDetail = Json<paths["/api/v1/invoices/{id}"]["get"]["responses"][200]>;
export type InvoicePayment = InvoiceDetail["allocations"][number];
export type CreateInvoiceBody = Body<paths["/api/v1/invoices"]["post"]>;
export type VoidInvoiceBody = Body<paths["/api/v1/invoices/{id}/void"]["post"]>;
export type CollectionTicket = Json<
  paths["/api/v1/invoices/{id}/collection-ticket"]["post"]["responses"][201]
>;

export type PaymentList = Json<paths["/api/v1/payments"]["get"]["responses"][200]>;
export type Payment = PaymentList["data"][number];
export type PaymentListQuery = Query<paths["/api/v1/payments"]["get"]>;
export type CreatePaymentBody = Body<paths["/api/v1/payments"]["post"]>;
export type AllocationBody = NonNullable<CreatePaymentBody["allocations"]>[number];
export type AllocatePaymentBody = Body<paths["/api/v1/payments/{id}/allocations"]["post"]>;
export type ReversePaymentBody = Body<paths["/api/v1/payments/{id}/reverse"]["post"]>;

export type ArCustomers = Json<paths["/api/v1/ar/customers"]["get"]["responses"][200]>;
export type ArCustomer = ArCustomers["data"][number];

export type Statement = Json<paths["/api/v1/customers/{id}/statement"]["get"]["responses"][200]>;
export type StatementLine = Statement["lines"][number];
export type StatementQuery = Query<paths["/api/v1/customers/{id}/statement"]["get"]>;

export type InvoiceExportQuery = Query<paths["/api/v1/exports/invoices"]["get"]>;
export type PaymentExportQuery = Query<paths["/api/v1/exports/payments"]["get"]>;
export type AgingExportQuery = Query<paths["/api/v1/exports/ar-aging"]["get"]>;
export type StatementExportQuery = Query<paths["/api/v1/exports/customer-statement"]["get"]>;
