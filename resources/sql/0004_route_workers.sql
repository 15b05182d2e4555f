-- Cobranza schema 4: who makes each visit. A collections officer's visits are stored on the
-- pooled user (NOTIFICADOR, the manual's "usuario único"), yet each officer has his own day's
-- route, approval and agenda: worker_id is that person. For everyone else it equals staff_id.

ALTER TABLE bookings ADD COLUMN worker_id INTEGER REFERENCES staff(id);
UPDATE bookings SET worker_id = staff_id WHERE worker_id IS NULL;
CREATE INDEX bookings_worker_day ON bookings(worker_id, visit_date);
-- The tray looks up every credit's bookings and results by credit number.
CREATE INDEX bookings_credit ON bookings(credit_number, visit_date);
