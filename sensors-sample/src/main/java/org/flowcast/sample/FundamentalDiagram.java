package org.flowcast.sample;

/**
 * A triangular fundamental diagram per lane: free-flow speed (mph), capacity (veh/h/lane) and jam
 * density (veh/mi/lane); the backward wave speed follows from them.
 */
public record FundamentalDiagram(double freeFlowSpeed, double capacityPerLane, double jamDensityPerLane) {

    /** Typical of a Southern California freeway. */
    public static final FundamentalDiagram FREEWAY = new FundamentalDiagram(65, 2000, 190);

    public FundamentalDiagram {
        if (!(freeFlowSpeed > 0 && capacityPerLane > 0 && jamDensityPerLane > capacityPerLane / freeFlowSpeed)) {
            throw new IllegalArgumentException("need positive speed and capacity and a jam density above the critical density");
        }
    }

    public double criticalDensityPerLane() {
        return capacityPerLane / freeFlowSpeed;
    }

    public double waveSpeed() {
        return capacityPerLane / (jamDensityPerLane - criticalDensityPerLane());
    }

    /** Flow a cell of the given density (veh/mi, all lanes) can send, veh/h. */
    public double sending(double density, double lanes, double capacityFactor) {
        return Math.min(freeFlowSpeed * density, capacityPerLane * lanes * capacityFactor);
    }

    /** Flow a cell of the given density can receive, veh/h. */
    public double receiving(double density, double lanes, double capacityFactor) {
        return Math.max(0, Math.min(capacityPerLane * lanes * capacityFactor, waveSpeed() * (jamDensityPerLane * lanes - density)));
    }
}
