package org.flowcast.store;

/** A neighbour relation between two stations, with its cost in miles. */
public record StationEdge(int from, int to, double cost) {
}
