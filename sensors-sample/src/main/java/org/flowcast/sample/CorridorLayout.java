package org.flowcast.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The geometry of the sample freeway: a chain of cells, each one cell-length long, with a number of
 * lanes; detector stations sit in some cells, on-ramps feed cells and off-ramps leave them. A lane
 * drop about two thirds of the way along is the recurrent bottleneck.
 */
public final class CorridorLayout {
    /** Simulation step in hours (10 s); a cell is as long as a free-flowing vehicle drives in one step. */
    public static final double STEP_HOURS = 10.0 / 3600;

    private final FundamentalDiagram diagram;
    private final double cellMiles;
    private final int[] lanes;
    private final int[] stationCells;
    private final double[] onRampShare;
    private final double[] offRampSplit;
    private final double startPostmile;
    private final int bottleneckCell;

    private CorridorLayout(FundamentalDiagram diagram, int[] lanes, int[] stationCells, double[] onRampShare,
                           double[] offRampSplit, double startPostmile, int bottleneckCell) {
        this.diagram = diagram;
        this.cellMiles = diagram.freeFlowSpeed() * STEP_HOURS;
        this.lanes = lanes;
        this.stationCells = stationCells;
        this.onRampShare = onRampShare;
        this.offRampSplit = offRampSplit;
        this.startPostmile = startPostmile;
        this.bottleneckCell = bottleneckCell;
    }

    /** A corridor of {@code stations} detectors 0.5 to 1.1 miles apart, four lanes dropping to three. */
    public static CorridorLayout generate(int stations, SplittableRandom random) {
        FundamentalDiagram diagram = FundamentalDiagram.FREEWAY;
        double cellMiles = diagram.freeFlowSpeed() * STEP_HOURS;
        List<Integer> stationCellList = new ArrayList<>();
        int cell = 3;
        for (int s = 0; s < stations; s++) {
            stationCellList.add(cell);
            cell += (int) Math.round(random.nextDouble(0.5, 1.1) / cellMiles);
        }
        int cells = cell + 3;
        int[] stationCells = stationCellList.stream().mapToInt(Integer::intValue).toArray();
        int dropStation = Math.max(2, (int) Math.round(stations * 0.65));
        int bottleneck = stationCells[Math.min(dropStation, stations - 1)] - 1;
        int[] lanes = new int[cells];
        double[] onRamp = new double[cells];
        double[] offRamp = new double[cells];
        for (int i = 0; i < cells; i++) {
            lanes[i] = i < bottleneck ? 4 : 3;
        }
        // One interchange between consecutive stations: an off-ramp, then an on-ramp a little further on.
        for (int s = 0; s + 1 < stations; s++) {
            int from = stationCells[s];
            int to = stationCells[s + 1];
            int off = from + Math.max(1, (to - from) / 3);
            int on = Math.min(to - 1, off + 1);
            offRamp[off] = random.nextDouble(0.04, 0.11);
            onRamp[on] = random.nextDouble(0.5, 1.0);
        }
        return new CorridorLayout(diagram, lanes, stationCells, onRamp, offRamp, random.nextDouble(2.0, 20.0), bottleneck);
    }

    public FundamentalDiagram diagram() {
        return diagram;
    }

    public int cells() {
        return lanes.length;
    }

    public double cellMiles() {
        return cellMiles;
    }

    public int lanes(int cell) {
        return lanes[cell];
    }

    public int stations() {
        return stationCells.length;
    }

    public int stationCell(int station) {
        return stationCells[station];
    }

    /** Relative size of the on-ramp feeding a cell (0 where none). */
    public double onRampShare(int cell) {
        return onRampShare[cell];
    }

    /** Share of the flow leaving a cell that takes the off-ramp there (0 where none). */
    public double offRampSplit(int cell) {
        return offRampSplit[cell];
    }

    public int bottleneckCell() {
        return bottleneckCell;
    }

    /** Absolute postmile of a station: increasing downstream, as for a northbound PeMS freeway. */
    public double postmile(int station) {
        return Math.round((startPostmile + stationCells[station] * cellMiles) * 1000) / 1000.0;
    }

    public double onRampShareTotal() {
        double total = 0;
        for (double share : onRampShare) {
            total += share;
        }
        return total;
    }
}
