package dev.failscope.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is normal input: every case gives exact, positioned load errors and never an exception. */
class LoadErrorTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    /** Loads paths below the temp dir and returns the errors as printed, with the temp dir prefix removed. */
    private List<String> errors(String... names) {
        List<String> paths = java.util.Arrays.stream(names).map(n -> dir.resolve(n).toString()).toList();
        LoadResult result = new TopologyLoader().load(paths);
        String prefix = dir.toString() + "/";
        return result.errors().stream().map(e -> e.format().replace(prefix, "")).toList();
    }

    @Test
    void yamlSyntaxError() throws IOException {
        write("a.yaml", "kind: inventory\nservers:\n  - name: db-1\n    zone: [us-east-1a\n");

        assertThat(errors("a.yaml")).containsExactly("a.yaml:5:1: error: invalid YAML: expected ',' or ']', but "
                + "got <stream end> (while parsing a flow sequence started at line 4, column 11)");
    }

    @Test
    void yamlIndentationError() throws IOException {
        write("a.yaml", "kind: cluster\nname: main\n  primary: db-1\n");

        assertThat(errors("a.yaml")).containsExactly(
                "a.yaml:3:10: error: invalid YAML: mapping values are not allowed here");
    }

    @Test
    void wrongType() throws IOException {
        write("a.yaml", "kind: inventory\nservers:\n  - name: db-1\n    no-failover: maybe\n");

        assertThat(errors("a.yaml")).containsExactly(
                "a.yaml:4:18: error: 'no-failover' of server 'db-1' must be true or false (also yes/no, on/off), got the string 'maybe'");
    }

    @Test
    void wrongTypeForAList() throws IOException {
        write("a.yaml", "kind: failover\ncluster: main\ncandidates: db-2\n");

        assertThat(errors("a.yaml")).containsExactly(
                "a.yaml:3:13: error: 'candidates' of failover of 'main' must be a list, got the string 'db-2'");
    }

    @Test
    void missingRequiredKey() throws IOException {
        write("a.yaml", "kind: cluster\nname: main\nreplicas: []\n");

        assertThat(errors("a.yaml")).containsExactly(
                "a.yaml:1:1: error: cluster 'main' is missing required key 'primary'");
    }

    @Test
    void unknownKindSuggestsTheClosest() throws IOException {
        write("a.yaml", "kind: clustr\nname: main\nprimary: db-1\n");

        assertThat(errors("a.yaml")).containsExactly(
                "a.yaml:1:7: error: unknown kind 'clustr': did you mean 'cluster'?");
    }

    @Test
    void unknownKindFarFromAnyListsThemAll() throws IOException {
        write("a.yaml", "kind: Deployment\n");

        assertThat(errors("a.yaml")).containsExactly(
                "a.yaml:1:7: error: unknown kind 'Deployment': expected one of inventory, cluster, failover, service, waivers, route");
    }

    @Test
    void billionLaughsFailsOnAliasExpansion() throws IOException {
        StringBuilder yaml = new StringBuilder("kind: inventory\nlol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 9; i++) {
            String ref = "*lol" + (i - 1);
            yaml.append("lol").append(i).append(": &lol").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, ref))).append("]\n");
        }
        yaml.append("servers: *lol9\n");
        write("laughs.yaml", yaml.toString());

        assertThat(errors("laughs.yaml")).containsExactly("laughs.yaml:7:14: error: YAML aliases expand to more "
                + "than 100000 nodes: refusing a possible 'billion laughs' document");
    }

    @Test
    void billionLaughsWithManyAliasesFailsOnTheAliasCount() throws IOException {
        StringBuilder yaml = new StringBuilder("kind: inventory\nx: &x [a]\nservers: [");
        yaml.append(String.join(", ", java.util.Collections.nCopies(101, "*x"))).append("]\n");
        write("aliases.yaml", yaml.toString());

        assertThat(errors("aliases.yaml")).containsExactly("aliases.yaml:3:411: error: more than 100 YAML aliases "
                + "to lists or maps: refusing a possible 'billion laughs' document");
    }

    @Test
    void recursiveAliasIsRefused() throws IOException {
        write("a.yaml", "kind: inventory\nservers: &s [*s]\n");

        assertThat(errors("a.yaml")).containsExactly(
                "a.yaml:2:14: error: recursive YAML alias: a list or map contains itself");
    }

    @Test
    void aRefusedDocumentDoesNotHideTheNextOne() throws IOException {
        write("a.yaml", "kind: inventory\nservers: &s [*s]\n---\nkind: clusters\n");

        assertThat(errors("a.yaml")).containsExactly(
                "a.yaml:2:14: error: recursive YAML alias: a list or map contains itself",
                "a.yaml:4:7: error: unknown kind 'clusters': did you mean 'cluster'?");
    }

    @Test
    void undefinedAliasIsPositioned() throws IOException {
        write("a.yaml", "kind: inventory\nservers: [*nowhere]\n");

        assertThat(errors("a.yaml")).containsExactly("a.yaml:2:11: error: invalid YAML: found undefined alias 'nowhere'");
    }

    @Test
    void mergeKeysFillInDefaultsAndExplicitKeysWin() throws IOException {
        write("a.yaml", "kind: inventory\nservers:\n  - &base {name: db-1, zone: z1, region: r1}\n"
                + "  - <<: *base\n    name: db-2\n  - name: db-3\n    <<: *base\n");

        LoadResult result = new TopologyLoader().load(List.of(dir.resolve("a.yaml").toString()));

        assertThat(result.errors()).isEmpty();
        assertThat(result.topology().servers()).extracting(s -> s.name() + "@" + s.zone())
                .containsExactly("db-1@z1", "db-2@z1", "db-3@z1");
    }

    @Test
    void deepYamlFlowNestingFailsWithoutStackOverflow() throws IOException {
        write("deep.yaml", "kind: inventory\nservers: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");

        assertThat(errors("deep.yaml")).containsExactly("deep.yaml:2:109: error: nesting deeper than 100 levels");
    }

    @Test
    void deepYamlBlockNestingFailsWithoutStackOverflow() throws IOException {
        write("deep.yaml", "kind: inventory\nservers:\n  " + "- ".repeat(10_000) + "x\n");

        assertThat(errors("deep.yaml")).containsExactly("deep.yaml:3:201: error: nesting deeper than 100 levels");
    }

    @Test
    void deepJsonNestingFailsWithoutStackOverflow() throws IOException {
        write("deep.json", "{\"kind\": \"inventory\", \"servers\": " + "[".repeat(10_000) + "]".repeat(10_000)
                + "}\n");

        assertThat(errors("deep.json")).containsExactly("deep.json:1:133: error: nesting deeper than 100 levels");
    }

    @Test
    void binaryFile() throws IOException {
        write("image.yaml", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});

        assertThat(errors("image.yaml")).containsExactly("image.yaml:1:1: error: binary file (NUL byte at offset 8):"
                + " expected UTF-8 YAML, JSON or config text");
    }

    @Test
    void nonUtf8File() throws IOException {
        write("latin1.yaml", "kind: inventory\nservers:\n  - name: café\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(errors("latin1.yaml")).containsExactly(
                "latin1.yaml:3:14: error: not valid UTF-8 (byte 0xE9): save the file as UTF-8");
    }

    @Test
    void utf8ByteOrderMarkIsAccepted() throws IOException {
        byte[] text = "kind: inventory\nservers:\n  - name: café\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        write("bom.yaml", withBom);

        assertThat(errors("bom.yaml")).isEmpty();
    }

    @Test
    void emptyFile() throws IOException {
        write("empty.yaml", "");
        write("comments.yaml", "# nothing here yet\n");
        write("empty.json", "  \n");

        assertThat(errors("empty.yaml", "comments.yaml", "empty.json")).containsExactly(
                "comments.yaml:1:1: error: empty file: no documents",
                "empty.json:1:1: error: empty file: no documents",
                "empty.yaml:1:1: error: empty file: no documents");
    }

    @Test
    void nonexistentPath() {
        assertThat(errors("nowhere/topology.yaml")).containsExactly(
                "nowhere/topology.yaml:1:1: error: no such file or directory");
    }

    @Test
    void duplicateKeyInYaml() throws IOException {
        write("a.yaml", "kind: cluster\nname: main\nprimary: db-1\nname: other\n");

        assertThat(errors("a.yaml")).containsExactly("a.yaml:4:1: error: duplicate key 'name' (first at line 2)");
    }

    @Test
    void duplicateKeyInJson() throws IOException {
        write("a.json", "{\"kind\": \"cluster\", \"name\": \"main\",\n \"primary\": \"db-1\", \"name\": \"x\"}\n");

        assertThat(errors("a.json")).containsExactly("a.json:2:21: error: duplicate key 'name' (first at line 1)");
    }

    @Test
    void jsonSyntaxError() throws IOException {
        write("a.json", "{\"kind\": \"cluster\",\n \"name\": \"main\"\n \"primary\": \"db-1\"}\n");

        assertThat(errors("a.json")).containsExactly("a.json:3:2: error: invalid JSON: Unexpected character "
                + "('\"' (code 34)): was expecting comma to separate Object entries");
    }

    @Test
    void jsonTrailingContent() throws IOException {
        write("a.json", "{\"kind\": \"inventory\", \"servers\": []}\n{}\n");

        assertThat(errors("a.json")).containsExactly(
                "a.json:2:1: error: unexpected content after the top-level JSON value");
    }

    @Test
    void jsonArrayOfDocumentsReportsEachDocument() throws IOException {
        write("a.json", "[{\"kind\": \"inventory\", \"servers\": [{\"name\": \"db-1\"}]},\n"
                + " {\"kind\": \"clustr\", \"name\": \"main\", \"primary\": \"db-1\"},\n"
                + " {\"kind\": \"service\", \"name\": \"web\"}]\n");

        assertThat(errors("a.json")).containsExactly(
                "a.json:2:11: error: unknown kind 'clustr': did you mean 'cluster'?",
                "a.json:3:2: error: service 'web' is missing required key 'depends-on'");
    }

    @Test
    void multiDocumentYamlReportsEveryDocument() throws IOException {
        write("a.yaml", "kind: inventory\nservers:\n  - name: db-1\n---\nkind: cluster\nname: main\n---\n"
                + "kind: servce\nname: web\n---\n- not a map\n");

        assertThat(errors("a.yaml")).containsExactly(
                "a.yaml:5:1: error: cluster 'main' is missing required key 'primary'",
                "a.yaml:8:7: error: unknown kind 'servce': did you mean 'service'?",
                "a.yaml:11:1: error: a document must be a map with a 'kind', got a list");
    }

    @Test
    void errorsInSeveralFilesAreAllReportedInPathOrder() throws IOException {
        write("b.yaml", "kind: cluster\nname: main\n");
        write("a.yaml", "kind: inventory\nservers: {}\n");

        assertThat(errors("b.yaml", "a.yaml")).containsExactly(
                "a.yaml:2:10: error: 'servers' of inventory must be a list, got a map",
                "b.yaml:1:1: error: cluster 'main' is missing required key 'primary'");
    }

    @Test
    void yamlTagsNeverConstructJavaObjects() throws IOException {
        write("a.yaml", "kind: inventory\nservers:\n  - name: !!javax.script.ScriptEngineManager [x]\n");

        assertThat(errors("a.yaml")).containsExactly("a.yaml:3:11: error: YAML tag "
                + "'tag:yaml.org,2002:javax.script.ScriptEngineManager' is not allowed: Failscope reads plain maps, "
                + "lists and values only");
    }

    @Test
    void fileOverTheSizeLimit() throws IOException {
        write("big.yaml", "kind: inventory\nservers: []\n" + "#".repeat(200) + "\n");
        LoadResult result = new TopologyLoader(new LoadLimits(100, 100, 100, 1000))
                .load(List.of(dir.resolve("big.yaml").toString()));

        assertThat(result.errors()).extracting(LoadError::message)
                .containsExactly("file is 229 bytes, over the limit of 100 bytes");
    }
}
