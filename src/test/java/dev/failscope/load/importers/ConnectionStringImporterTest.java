package dev.failscope.load.importers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspection;
import dev.failscope.model.Access;
import dev.failscope.model.Follow;
import dev.failscope.model.Ref;
import dev.failscope.model.Route;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionStringImporterTest {
    @TempDir
    Path tmp;

    static final String SERVICES = """
            kind: service
            name: cat-posting
            depends-on: [{cluster: catify-main, access: write}]
            ---
            kind: service
            name: cat-feed
            depends-on: [{cluster: catify-main, access: read}]
            """;

    @Test
    void dotenvUrlsNameTheirFolderAsClient() {
        Inspection i = new Fixture(tmp).file("inventory.yaml", HaproxyImporterTest.INVENTORY)
                .file("services.yaml", SERVICES)
                .file("cat-posting/.env", """
                        # the app's database
                        DATABASE_URL=postgresql://app:hunter2@db-main-1:5432/catify?sslmode=require
                        export READ_URL="postgres://app:hunter2@10.0.0.12:5432,10.0.0.13:5432/catify?target_session_attrs=prefer-standby"
                        HA_URL=postgresql://db-main-1:5432,db-replica-1:5432/catify?target_session_attrs=read-write
                        ANY_URL=postgresql://db-main-1,db-replica-1/catify
                        CACHE_URL=redis://:hunter2@cache-1:6379/0
                        """).inspectDir();
        assertThat(Fixture.errors(i)).isEmpty();
        Route main = Routes.route(i, ".env/DATABASE_URL");
        assertThat(Routes.summary(main)).isEqualTo("CONNECTION_STRING WRITE NONE listen=null 2:1");
        assertThat(Routes.targets(main)).containsExactly("db-main-1:5432@2:39 -> db-main-1");
        assertThat(main.clients()).extracting(Ref::name).containsExactly("cat-posting");
        assertThat(main.cluster().name()).isEqualTo("catify-main");
        Route read = Routes.route(i, ".env/READ_URL");
        assertThat(read.access()).isEqualTo(Access.READ);
        assertThat(read.follow()).isEqualTo(Follow.NONE);
        assertThat(Routes.targets(read)).containsExactly("10.0.0.12:5432@3:41 -> db-replica-1",
                "10.0.0.13:5432@3:56 -> db-replica-2");
        assertThat(Routes.route(i, ".env/HA_URL").follow()).isEqualTo(Follow.MULTI_HOST);
        assertThat(Routes.route(i, ".env/ANY_URL").follow()).isEqualTo(Follow.NONE);
        assertThat(Routes.targets(Routes.route(i, ".env/CACHE_URL"))).containsExactly("cache-1:6379@6:28 -> ?");
        assertThat(Fixture.findings(i, "route-client")).isEmpty();
    }

    @Test
    void jdbcAndPropertiesNameTheFileAsClient() {
        Inspection i = new Fixture(tmp).file("services.yaml", SERVICES).file("config/cat-feed.properties", """
                spring.datasource.url=jdbc:postgresql://pg1:5432,pg2:5432/catify?targetServerType=primary
                spring.datasource.password=hunter2
                orders.url = jdbc:mysql://mysql-1:3306/orders
                """).inspectDir();
        assertThat(Fixture.errors(i)).isEmpty();
        Route r = Routes.route(i, "cat-feed.properties/spring.datasource.url");
        assertThat(Routes.summary(r)).isEqualTo("CONNECTION_STRING WRITE MULTI_HOST listen=null 1:1");
        assertThat(Routes.targets(r)).containsExactly("pg1:5432@1:41 -> ?", "pg2:5432@1:50 -> ?");
        assertThat(r.clients()).extracting(Ref::name).containsExactly("cat-feed");
        assertThat(Routes.targets(Routes.route(i, "cat-feed.properties/orders.url")))
                .containsExactly("mysql-1:3306@3:27 -> ?");
    }

    @Test
    void yamlComposeAndKeywordForm() {
        Inspection i = new Fixture(tmp).file("services.yaml", SERVICES).file("deploy/docker-compose.yml", """
                services:
                  cat-posting:
                    image: catify/posting
                    environment:
                      - DATABASE_URL=postgres://app:hunter2@db-main-1:5432/catify
                  cat-feed:
                    environment:
                      PG_DSN: "host=db-replica-1,db-replica-2 port=5432 dbname=catify password=hunter2"
                """).inspectDir();
        assertThat(Fixture.errors(i)).isEmpty();
        Route posting = Routes.route(i, "docker-compose.yml/services.cat-posting.environment.DATABASE_URL");
        assertThat(posting.clients()).extracting(Ref::name).containsExactly("cat-posting");
        assertThat(Routes.targets(posting)).containsExactly("db-main-1:5432@5:45 -> ?");
        Route feed = Routes.route(i, "docker-compose.yml/services.cat-feed.environment.PG_DSN");
        assertThat(feed.clients()).extracting(Ref::name).containsExactly("cat-feed");
        assertThat(Routes.targets(feed)).containsExactly("db-replica-1:5432@8:21 -> ?",
                "db-replica-2:5432@8:34 -> ?");
        assertThat(Fixture.findings(i, "unrecognized-file")).isEmpty();
    }

    @Test
    void sentinelUrlsFollowTheirManagerAndNameTheMasterAsCluster() {
        Inspection i = new Fixture(tmp).file("app.env", """
                A=redis-sentinel://:hunter2@s1:26379,s2:26379/0#mymaster
                B=redis+sentinel://s1:26379/othermaster/0
                C=sentinel://s1:26379
                """).inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        Route a = Routes.route(i, "app.env/A");
        assertThat(a.follow()).isEqualTo(Follow.MANAGER);
        assertThat(Routes.targets(a)).containsExactly("mymaster@1:49 -> cluster:mymaster");
        assertThat(a.cluster().name()).isEqualTo("mymaster");
        assertThat(Routes.targets(Routes.route(i, "app.env/B"))).containsExactly(
                "othermaster@2:29 -> cluster:othermaster");
        assertThat(Fixture.findings(i, "route-sentinel")).containsExactly(
                "route-sentinel-master-unknown app.env:3:1");
        assertThat(i.findings()).filteredOn(f -> f.rule().equals("route-sentinel-master-unknown"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("sentinel://s1:26379"));
    }

    @Test
    void withoutAMatchingServiceOneInfoPerFileSaysHowToNameIt() {
        Inspection i = new Fixture(tmp).file("services.yaml", SERVICES).file("misc/app.env", """
                A=postgresql://db1/x
                B=postgresql://db2/x
                """).inspectDir();
        assertThat(Routes.route(i, "app.env/A").clients()).isEmpty();
        assertThat(Fixture.findings(i, "route-client")).containsExactly("route-client-unknown app.env:1:1");
        assertThat(i.findings()).filteredOn(f -> f.rule().equals("route-client-unknown")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("tried 'app', 'misc'")
                        .contains("cat-posting/.env"));
    }

    @Test
    void placeholdersSocketsAndOtherFormatsConninfoAreNotRoutes() {
        Inspection i = new Fixture(tmp).file("app.env", """
                A=postgresql://${DB_HOST}:5432/x
                B=postgresql:///x?host=/var/run/postgresql
                """).file("repmgr.conf", """
                node_id=1
                node_name='pg1'
                conninfo='host=pg1 user=repmgr dbname=repmgr'
                data_directory='/var/lib/postgresql/15/main'
                """).inspect();
        assertThat(Routes.names(i)).isEmpty();
        assertThat(Fixture.findings(i, "route-")).containsExactly("route-placeholder app.env:1:16",
                "route-unix-socket app.env:2:1");
    }

    @Test
    void cnpgServiceHostsReachTheirCluster() {
        Inspection i = new Fixture(tmp).file("cluster.yaml", """
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: pg-main}
                spec: {instances: 3}
                """).file("app.env", """
                RW=postgresql://app:pw@pg-main-rw.prod.svc.cluster.local:5432/app
                RO=postgresql://app:pw@pg-main-ro:5432/app
                """).inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        Route rw = Routes.route(i, "app.env/RW");
        assertThat(Routes.summary(rw)).isEqualTo("CONNECTION_STRING WRITE MANAGER listen=null 1:1");
        assertThat(Routes.targets(rw)).containsExactly(
                "pg-main-rw.prod.svc.cluster.local:5432@1:24 -> cluster:pg-main");
        Route ro = Routes.route(i, "app.env/RO");
        assertThat(Routes.summary(ro)).isEqualTo("CONNECTION_STRING READ MANAGER listen=null 2:1");
    }

    @Test
    void forcedOnAFileWithoutConnectionStringsIsAnError() {
        Inspection i = new Fixture(tmp).file("x.txt", "nothing here\n").inspectAs("connection-string");
        assertThat(Fixture.errors(i)).singleElement().asString().contains("no connection string");
    }
}
