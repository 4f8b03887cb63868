-- TCK-4: the business calendar kept current in the application. Holidays say whether
-- they are confirmed by the SKB of the three ministers or still an estimate, who changed
-- them last, and every change is audited; super and CS admins maintain them
-- (PUT / DELETE /sla/holidays/{day}).
alter table holidays add column tentative boolean not null default false;
alter table holidays add column updated_by uuid references profiles (id) on delete set null;
alter table holidays add column updated_at timestamptz not null default now();
create trigger holidays_audit after insert or update or delete on holidays
  for each row execute function audit_row_change();

-- 2027 holidays that follow the Islamic, Hindu, Buddhist and Chinese calendars, from the
-- astronomical calendars (hijri dates a lunar year after the 2026 SKB dates, Nyepi the
-- day after the dark moon of the ninth month, Waisak the May full moon, Imlek the second
-- new moon after the winter solstice). Tentative until the SKB for 2027 confirms them;
-- the SKB's collective leave days are entered then.
insert into holidays (day, name, kind, tentative) values
  ('2027-01-05', 'Isra Mikraj Nabi Muhammad SAW', 'national', true),
  ('2027-02-06', 'Tahun Baru Imlek 2578 Kongzili', 'national', true),
  ('2027-03-08', 'Hari Suci Nyepi (Tahun Baru Saka 1949)', 'national', true),
  ('2027-03-10', 'Idul Fitri 1448 H', 'national', true),
  ('2027-03-11', 'Idul Fitri 1448 H', 'national', true),
  ('2027-05-16', 'Idul Adha 1448 H', 'national', true),
  ('2027-05-20', 'Hari Raya Waisak 2571 BE', 'national', true),
  ('2027-06-05', 'Tahun Baru Islam 1449 H', 'national', true),
  ('2027-08-14', 'Maulid Nabi Muhammad SAW', 'national', true)
on conflict (day) do nothing;

grant insert, update, delete on holidays to cc_cs_admin;
create policy holidays_cs_admin on holidays for all to cc_cs_admin using (true) with check (true);
