package org.flowcast.jobs.live;

import java.nio.file.Path;

/** The small live district of this package's tests, for tests of other packages. */
public final class LiveDistrictAccess {
    private LiveDistrictAccess() {
    }

    public static Path home() throws Exception {
        return LiveDistrict.home();
    }

    public static Path database() throws Exception {
        LiveDistrict.home();
        return LiveDistrict.database();
    }

    public static Path models() throws Exception {
        LiveDistrict.home();
        return LiveDistrict.models();
    }
}
