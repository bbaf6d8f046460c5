package org.flowcast.spark;

import java.io.Serializable;

/**
 * How one corridor's task ended: trained, skipped as up to date, or failed after Spark's retries, with its account;
 * and, where it was back-tested, the model's masked MAE, RMSE and MAPE (%) on the test windows at steps 3, 6 and 12
 * and averaged over the steps (empty where it was not).
 */
public record CorridorOutcome(String corridor, int stations, String status, String account, double seconds, double[] mae, double[] rmse,
                              double[] mape) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The steps a back-test reports, then the average. */
    public static final int[] STEPS = {3, 6, 12};

    public CorridorOutcome(String corridor, int stations, String status, String account, double seconds) {
        this(corridor, stations, status, account, seconds, new double[0], new double[0], new double[0]);
    }

    public boolean backtested() {
        return mae.length > 0;
    }

    public static final String TRAINED = "trained";
    public static final String UP_TO_DATE = "up to date";
    public static final String FAILED = "FAILED";

    public boolean failed() {
        return FAILED.equals(status);
    }
}
