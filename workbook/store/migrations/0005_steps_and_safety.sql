-- Today's step is kept per day of the programme, as a stage record of kind "step" dated that day
-- (done or not, and what was written for its prompt); the private safety answer is a stage record
-- of kind "safety". Neither needs a table of its own: this index reads the newest record of a
-- kind for each day, as the daily page and the progress page do.
CREATE INDEX stage_records_kind_day ON stage_records(kind, day, id);
