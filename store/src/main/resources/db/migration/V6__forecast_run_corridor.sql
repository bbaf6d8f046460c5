-- The corridor a run's model was trained for ('5-N'; NULL for a model of another choice of stations,
-- and for runs written before this version), so that the district overview finds each corridor's
-- newest forecasts without reading every run.
ALTER TABLE forecast_run ADD COLUMN corridor VARCHAR(64);
