package org.flowcast.app.cli;

import org.flowcast.sample.TrafficShift;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options of a sample's deliberate traffic shift (a {@link TrafficShift}), shared by the corridor, the district and its feed. */
public final class ShiftOptions {
    @Option(names = "--demand-shift", paramLabel = "FACTOR",
            description = "Multiply demand everywhere by FACTOR from --shift-from on (e.g. 1.2: 20%% more traffic), for live-operation "
                    + "experiments; the days before are unchanged, byte for byte.")
    Double demandFactor;

    @Option(names = "--lane-closure", paramLabel = "STATION",
            description = "Close one lane at STATION (its capacity) from --shift-from on; e.g. 990005 on the corridor, 9902003 "
                    + "in the district (99CCSSS: station SSS of corridor CC).")
    Integer closedStation;

    @Option(names = "--shift-from", paramLabel = "DAY",
            description = "The first shifted day, 1 being the sample's first (8: from its second Monday on).")
    Integer fromDay;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** The options as they were given, each with a space before it, to repeat them in a command line. */
    String asArguments() {
        return (demandFactor == null ? "" : " --demand-shift " + demandFactor) + (closedStation == null ? "" : " --lane-closure "
                + closedStation) + (fromDay == null ? "" : " --shift-from " + fromDay);
    }

    /** The shift the options give, {@link TrafficShift#NONE} where none; a bad combination is a usage error. */
    TrafficShift shift() {
        if (demandFactor == null && closedStation == null) {
            if (fromDay != null) {
                throw new ParameterException(spec.commandLine(), "--shift-from needs --demand-shift FACTOR or --lane-closure STATION");
            }
            return TrafficShift.NONE;
        }
        if (fromDay == null) {
            throw new ParameterException(spec.commandLine(), "give the shift's first day: --shift-from DAY (1 = the sample's first day)");
        }
        try {
            return new TrafficShift(demandFactor == null ? 1 : demandFactor, closedStation == null ? 0 : closedStation, fromDay);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
