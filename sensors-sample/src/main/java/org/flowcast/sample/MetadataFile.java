package org.flowcast.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.flowcast.core.Station;

/** A PeMS {@code dNN_text_meta_YYYY_MM_DD.txt} station metadata file: its text, and writing it whole or not at all. */
final class MetadataFile {
    private MetadataFile() {
    }

    static Path write(Path target, List<Station> stations, double[] statePostmile, double[] length) throws IOException {
        return write(target, text(stations, statePostmile, length));
    }

    static Path write(Path target, String text) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".part");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    static String text(List<Station> stations, double[] statePostmile, double[] length) {
        StringBuilder out = new StringBuilder(64 + 96 * stations.size());
        out.append("ID\tFwy\tDir\tDistrict\tCounty\tCity\tState_PM\tAbs_PM\tLatitude\tLongitude\tLength\tType\tLanes\tName"
                + "\tUser_ID_1\tUser_ID_2\tUser_ID_3\tUser_ID_4\n");
        for (int s = 0; s < stations.size(); s++) {
            Station st = stations.get(s);
            out.append(String.format(Locale.ROOT, "%d\t%d\t%s\t%d\t59\t\t%.3f\t%.3f\t%.6f\t%.6f\t%.3f\t%s\t%d\t%s\t\t\t\t%n",
                    st.id(), st.freeway(), st.direction(), st.district(), statePostmile[s], st.absolutePostmile(), st.latitude(),
                    st.longitude(), length[s], st.laneType(), st.lanes(), st.name()));
        }
        return out.toString();
    }
}
