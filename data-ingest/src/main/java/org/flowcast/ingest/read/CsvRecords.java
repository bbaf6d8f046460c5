package org.flowcast.ingest.read;

import org.apache.commons.csv.CSVRecord;

/** Helpers for the Commons CSV records of the text formats. */
final class CsvRecords {
    private CsvRecords() {
    }

    /**
     * Whether a record is an empty line. Empty lines are kept by the parsers so that record numbers
     * stay line numbers (no field of these formats spans lines).
     */
    static boolean isBlank(CSVRecord record) {
        return record.size() == 1 && record.get(0).isEmpty();
    }
}
