-- TCK-4: the collective leave (cuti bersama) of 2027, estimated until the SKB of the three
-- ministers for 2027 is published, so that the SLA clock already skips the likely days.
-- The estimate follows the SKB pattern of 2024–2026: the working days that bridge a
-- holiday to a weekend (the Friday after a Thursday holiday, the Monday after a Sunday
-- Idul Adha), the days around Idul Fitri, and Christmas Eve. Every row is tentative; super
-- and CS admins confirm, move or delete them on the SLA calendar page when the SKB comes.
insert into holidays (day, name, kind, tentative) values
  ('2027-03-09', 'Cuti bersama Idul Fitri 1448 H', 'collective_leave', true),
  ('2027-03-12', 'Cuti bersama Idul Fitri 1448 H', 'collective_leave', true),
  ('2027-03-15', 'Cuti bersama Idul Fitri 1448 H', 'collective_leave', true),
  ('2027-05-07', 'Cuti bersama Kenaikan Yesus Kristus', 'collective_leave', true),
  ('2027-05-17', 'Cuti bersama Idul Adha 1448 H', 'collective_leave', true),
  ('2027-05-21', 'Cuti bersama Hari Raya Waisak 2571 BE', 'collective_leave', true),
  ('2027-12-24', 'Cuti bersama Kelahiran Yesus Kristus', 'collective_leave', true)
on conflict (day) do nothing;
