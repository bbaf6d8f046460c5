package org.flowcast.spark;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.flowcast.core.Corridor;

/**
 * The statewide job on Spark: one task per corridor. The stored days of every chosen corridor's stations are
 * read with Spark's JDBC source from the store Flowcast writes ({@code observation_day}, partitioned by
 * station id across {@code partitions} reads), joined with the corridors' stations and grouped by corridor;
 * each group runs a {@link CorridorTask} with the trainer code of {@code flowcast train}. The driver gets
 * back one {@link CorridorOutcome} per corridor, failed ones included.
 */
public final class SparkCorridorJob {
    private final SparkSession spark;

    public SparkCorridorJob(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * The JDBC driver class of a URL: named to Spark's JDBC source because under spark-submit the drivers come in
     * the application jar, whose class loader {@link java.sql.DriverManager} does not search.
     */
    static String driverOf(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return "org.h2.Driver";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "org.postgresql.Driver";
        }
        throw new IllegalArgumentException("Flowcast's store is H2 or PostgreSQL; " + url.replaceFirst(";.*|\\?.*", "") + " is neither");
    }

    public List<CorridorOutcome> run(JobSettings settings, List<Corridor> corridors, int partitions) {
        List<Row> members = new ArrayList<>();
        Map<String, List<Integer>> stationsOf = new HashMap<>();
        int lowest = Integer.MAX_VALUE;
        int highest = Integer.MIN_VALUE;
        for (Corridor c : corridors) {
            stationsOf.put(c.name(), c.stationIds());
            for (int id : c.stationIds()) {
                members.add(RowFactory.create(id, c.name()));
                lowest = Math.min(lowest, id);
                highest = Math.max(highest, id);
            }
        }
        StructType schema = new StructType().add("member_station", DataTypes.IntegerType).add("corridor", DataTypes.StringType);
        Dataset<Row> membership = spark.createDataFrame(members, schema);
        Dataset<Row> days = spark.read().format("jdbc").option("url", settings.jdbcUrl()).option("driver", driverOf(settings.jdbcUrl()))
                .option("dbtable", "observation_day")
                .option("partitionColumn", "station_id").option("lowerBound", lowest).option("upperBound", highest + 1L)
                .option("numPartitions", Math.max(1, partitions)).option("fetchsize", 1000).load()
                .select("station_id", "utc_day", "flow", "occupancy", "speed", "pct_observed", "flags");
        Dataset<Row> ofCorridors = days.join(functions.broadcast(membership),
                days.col("station_id").equalTo(membership.col("member_station")))
                .select("station_id", "utc_day", "flow", "occupancy", "speed", "pct_observed", "flags", "corridor");
        int attempts = spark.sparkContext().conf().getInt("spark.task.maxFailures", 4);
        if (spark.sparkContext().isLocal()) {
            // local[N,F] sets the attempts in the master URL
            String master = spark.sparkContext().master();
            Matcher m = Pattern.compile("local\\[[^,\\]]+,(\\d+)]").matcher(master);
            attempts = m.matches() ? Integer.parseInt(m.group(1)) : 1;
        }
        CorridorTask task = new CorridorTask(settings, attempts);
        Map<String, List<Integer>> stations = Map.copyOf(stationsOf);
        List<CorridorOutcome> outcomes = new ArrayList<>(ofCorridors
                .groupByKey((MapFunction<Row, String>) r -> r.getString(7), Encoders.STRING())
                .flatMapGroups((FlatMapGroupsFunction<String, Row, CorridorOutcome>) (corridor, rows) ->
                        List.of(task.run(corridor, stations.get(corridor), rows)).iterator(),
                                Encoders.javaSerialization(CorridorOutcome.class))
                .collectAsList());
        for (Corridor c : corridors) {
            if (outcomes.stream().noneMatch(o -> o.corridor().equals(c.name()))) {
                outcomes.add(new CorridorOutcome(c.name(), c.stationIds().size(), CorridorOutcome.FAILED,
                        "no stored reading of its stations in the database", 0));
            }
        }
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < corridors.size(); i++) {
            order.put(corridors.get(i).name(), i);
        }
        outcomes.sort(Comparator.comparingInt(o -> order.get(o.corridor())));
        return List.copyOf(outcomes);
    }
}
