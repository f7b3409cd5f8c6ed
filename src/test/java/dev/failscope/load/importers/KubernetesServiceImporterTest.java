package dev.failscope.load.importers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspection;
import dev.failscope.model.Route;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubernetesServiceImporterTest {
    @TempDir
    Path tmp;

    static final String CNPG = """
            apiVersion: postgresql.cnpg.io/v1
            kind: Cluster
            metadata: {name: pg-main}
            spec: {instances: 3}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: pg-main-rw}
            spec:
              selector:
                cnpg.io/cluster: pg-main
                cnpg.io/instanceRole: primary
              ports: [{port: 5432}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: pg-main-ro}
            spec:
              selector: {cnpg.io/cluster: pg-main, role: replica}
              ports: [{port: 5432}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              selector: {app: web}
              ports: [{port: 80}]
            """;

    @Test
    void cnpgSelectorsReachTheClusterAndAConnectionStringGoesThroughTheService() {
        Inspection i = new Fixture(tmp).file("k8s.yaml", CNPG)
                .file("app.env", "DATABASE_URL=postgresql://app@pg-main-rw.prod.svc:5432/app\n").inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        assertThat(Routes.names(i)).containsExactly("k8s.yaml/pg-main-rw", "k8s.yaml/pg-main-ro",
                "app.env/DATABASE_URL");
        Route rw = Routes.route(i, "k8s.yaml/pg-main-rw");
        assertThat(Routes.summary(rw)).isEqualTo("KUBERNETES_SERVICE WRITE MANAGER listen=pg-main-rw:5432 8:18");
        assertThat(Routes.targets(rw)).containsExactly("pg-main@11:22 -> cluster:pg-main");
        assertThat(rw.cluster().name()).isEqualTo("pg-main");
        Route ro = Routes.route(i, "k8s.yaml/pg-main-ro");
        assertThat(Routes.summary(ro)).isEqualTo("KUBERNETES_SERVICE READ MANAGER listen=pg-main-ro:5432 17:18");
        assertThat(Routes.targets(Routes.route(i, "app.env/DATABASE_URL")))
                .containsExactly("pg-main-rw.prod.svc:5432@1:31 -> route:k8s.yaml/pg-main-rw");
    }

    @Test
    void spiloSelectorsEndpointsExternalNameAndSlices() {
        Inspection i = new Fixture(tmp).file("svc.yaml", """
                apiVersion: v1
                kind: Service
                metadata: {name: acid-main}
                spec:
                  selector: {application: spilo, cluster-name: acid-main, spilo-role: master}
                  ports: [{port: 5432}]
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: legacy-db}
                spec:
                  ports: [{port: 5432}]
                ---
                apiVersion: v1
                kind: Endpoints
                metadata: {name: legacy-db}
                subsets:
                  - addresses: [{ip: 10.0.0.11}, {ip: 10.0.0.12}]
                    ports: [{port: 5432}]
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: external}
                spec: {type: ExternalName, externalName: db-main-1.example.com, ports: [{port: 5432}]}
                ---
                apiVersion: discovery.k8s.io/v1
                kind: EndpointSlice
                metadata:
                  name: sliced-abc
                  labels: {kubernetes.io/service-name: sliced}
                ports: [{port: 6432}]
                endpoints:
                  - addresses: ["10.0.0.21"]
                """).inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        assertThat(Routes.names(i)).containsExactly("svc.yaml/acid-main", "svc.yaml/external", "svc.yaml/legacy-db",
                "svc.yaml/sliced");
        assertThat(Routes.targets(Routes.route(i, "svc.yaml/acid-main")))
                .containsExactly("acid-main@5:48 -> cluster:acid-main");
        Route legacy = Routes.route(i, "svc.yaml/legacy-db");
        assertThat(Routes.summary(legacy)).isEqualTo("KUBERNETES_SERVICE WRITE NONE listen=legacy-db:5432 10:18");
        assertThat(Routes.targets(legacy)).containsExactly("10.0.0.11:5432@18:22 -> ?", "10.0.0.12:5432@18:39 -> ?");
        assertThat(Routes.targets(Routes.route(i, "svc.yaml/external")))
                .containsExactly("db-main-1.example.com:5432@24:42 -> ?");
        assertThat(Routes.targets(Routes.route(i, "svc.yaml/sliced"))).containsExactly("10.0.0.21:6432@33:17 -> ?");
    }

    @Test
    void aWebServiceAloneIsNotReadAndStaysUnrecognized() {
        Fixture fx = new Fixture(tmp).file("d/web.yaml", """
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec: {selector: {app: web}, ports: [{port: 80}]}
                """);
        Inspection i = Fixture.inspect(fx.path("d"));
        assertThat(Routes.names(i)).isEmpty();
        assertThat(Fixture.findings(i, "unrecognized-file")).containsExactly("unrecognized-file web.yaml:1:1");
    }
}
