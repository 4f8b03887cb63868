-- Receivables, day to day (DSO-1): finance corrects allocations. A wrong allocation is
-- reversed (deleted; the trigger `payment_allocations_reverse` gives the amount back to the
-- payment as unapplied cash and to the invoice as outstanding, under both rows' locks,
-- and the audit log keeps the row), after which the invoice may be voided or the cash
-- allocated again. Like a void, a reversal applies to every report day.
grant delete on payment_allocations to cc_finance_manager, cc_finance_staff;
create policy payment_allocations_delete_finance on payment_allocations for delete
  to cc_finance_manager, cc_finance_staff using (true);
