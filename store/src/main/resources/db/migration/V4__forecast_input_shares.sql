-- How much of the input a run's origins read was observed, imputed (filled) or missing, as shares of
-- the flow values of the recent window; NULL for runs written before this version.
ALTER TABLE forecast_run ADD COLUMN input_observed REAL;
ALTER TABLE forecast_run ADD COLUMN input_imputed REAL;
ALTER TABLE forecast_run ADD COLUMN input_missing REAL;
