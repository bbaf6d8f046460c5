-- One row per run, origin and station, the H steps packed as little-endian float32 byte strings (as
-- observation_day packs its slots), keyed in the order the job writes them. A row per step made the
-- forecast job spend most of its time in H2 inserts, and replacing a run spend as long again deleting:
-- 163,296 Orange station-forecasts took 25.7 s to write and 58 s to replace.
-- Forecasts are derived data: runs written before this version are dropped; 'flowcast forecast'
-- writes them again.
DROP TABLE attention;
DROP TABLE forecast;
DELETE FROM forecast_run;

CREATE TABLE forecast (
    run_id     BIGINT NOT NULL REFERENCES forecast_run (id) ON DELETE CASCADE,
    origin_ts  TIMESTAMP WITH TIME ZONE NOT NULL,
    station_id INTEGER NOT NULL,
    flow       ${binary} NOT NULL,
    lower80    ${binary},
    upper80    ${binary},
    lower95    ${binary},
    upper95    ${binary},
    PRIMARY KEY (run_id, origin_ts, station_id)
);

-- Attention weights behind a forecast, oldest input step first; station_id 0 where the weights belong
-- to the whole window.
CREATE TABLE attention (
    run_id     BIGINT NOT NULL REFERENCES forecast_run (id) ON DELETE CASCADE,
    origin_ts  TIMESTAMP WITH TIME ZONE NOT NULL,
    station_id INTEGER NOT NULL,
    weights    ${binary} NOT NULL,
    PRIMARY KEY (run_id, origin_ts, station_id)
);
