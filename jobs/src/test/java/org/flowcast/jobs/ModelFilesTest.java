package org.flowcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.flowcast.core.FlowcastHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each database keeps its models apart: no database's corridor models replace, or are run against, another's. */
class ModelFilesTest {
    @TempDir
    Path home;

    @BeforeEach
    void isolateTheHome() {
        System.setProperty(FlowcastHome.PROPERTY, home.toString());
    }

    @AfterEach
    void restoreTheHome() {
        System.clearProperty(FlowcastHome.PROPERTY);
    }

    @Test
    void theHomeDatabaseKeepsItsModelsWhereTheyAlwaysWere() {
        assertThat(ModelFiles.folderFor(home.resolve("flowcast").toString())).isEqualTo(home.resolve("models"));
        assertThat(ModelFiles.folderFor(home.resolve("flowcast.mv.db").toString())).isEqualTo(home.resolve("models"));
        assertThat(ModelFiles.folderFor("jdbc:h2:file:" + home.resolve("flowcast") + ";MODE=PostgreSQL")).isEqualTo(home.resolve("models"));
    }

    @Test
    void anotherDatabaseHasAFolderOfItsOwnNamedAfterIt() {
        assertThat(ModelFiles.folderFor("/tmp/orange/flowcast")).isEqualTo(home.resolve("models/tmp-orange-flowcast"));
        assertThat(ModelFiles.folderFor("/tmp/orange/flowcast.mv.db")).isEqualTo(home.resolve("models/tmp-orange-flowcast"));
        assertThat(ModelFiles.folderFor("/tmp/fdemo/flowcast")).isNotEqualTo(ModelFiles.folderFor("/tmp/orange/flowcast"));
    }

    @Test
    void aServersFolderIsNamedAfterItsUrlWithoutCredentials() {
        Path folder = ModelFiles.folderFor("jdbc:postgresql://db:5432/flowcast?user=fc&password=secret");
        assertThat(folder).isEqualTo(home.resolve("models/postgresql-db-5432-flowcast"));
        assertThat(folder.toString()).doesNotContain("secret");
    }

    @Test
    void aLongPathKeepsItsEndAndStaysApartFromAnotherOfTheSameEnd() {
        String deep = "/data/" + "district-twelve/".repeat(6);
        String key = ModelFiles.databaseKey(deep + "a/flowcast");
        assertThat(key).hasSizeLessThanOrEqualTo(64).endsWith("a-flowcast");
        assertThat(ModelFiles.databaseKey(deep + "b/flowcast")).isNotEqualTo(key);
        assertThat(ModelFiles.databaseKey("/x/" + deep + "a/flowcast")).isNotEqualTo(key);
    }
}
