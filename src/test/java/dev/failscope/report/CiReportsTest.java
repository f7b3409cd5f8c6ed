package dev.failscope.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.FailoverExposure;
import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.Inspector;
import dev.failscope.analysis.RuleCatalog;
import dev.failscope.analysis.WaivedFinding;
import dev.failscope.model.Facts;
import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import dev.failscope.model.SourcePosition;
import dev.failscope.model.Waiver;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class CiReportsTest {
    private static final SourcePosition AT = new SourcePosition("dir, a/f:1.yaml", 3, 7);

    private static Finding finding(String rule, Severity s, String subject, String message) {
        return new Finding(rule, s, message, subject, null, AT);
    }

    @Test
    void githubEscapesDataAndProperties() {
        Finding f = finding("r,1", Severity.ERROR, "c", "100% broken\r\nnext: line, here");
        String out = GithubReport.render(new CiResult("s", List.of(f), List.of(), Optional.of(Severity.ERROR)));
        assertThat(out).isEqualTo("::error file=dir%2C a/f%3A1.yaml,line=3,col=7,title=r%2C1::100%25 broken\\r\\n"
                + "next: line, here\n");
    }

    @Test
    void githubLevelsFollowSeverityAndWaivedAreNotices() {
        Waiver w = new Waiver("x", "c", null, "because", "ops", LocalDate.of(2030, 1, 1), AT, Facts.NONE);
        String out = GithubReport.render(new CiResult("s", List.of(finding("a", Severity.WARNING, "c", "w"),
                finding("b", Severity.INFO, "c", "i")), List.of(new WaivedFinding(finding("x", Severity.ERROR, "c",
                "e"), w)), Optional.of(Severity.ERROR)));
        assertThat(out.lines()).extracting(l -> l.substring(0, l.indexOf(' '))).containsExactly("::warning",
                "::notice", "::notice");
        assertThat(out).contains("title=waived%3A x::e (waived by ops until 2030-01-01: because)");
    }

    @Test
    void junitIsWellFormedWithOneTestcasePerRuleAndSubject() throws Exception {
        Waiver w = new Waiver("x", "c", null, "because", "ops", LocalDate.of(2030, 1, 1), AT, Facts.NONE);
        List<Finding> findings = List.of(
                finding("failover-target-missing", Severity.ERROR, "c1", "a <b> & \"c\"\u0001"),
                finding("failover-target-missing", Severity.ERROR, "c1", "second"),
                finding("failover-target-missing", Severity.ERROR, "c2", "third"),
                finding("single-zone-cluster", Severity.WARNING, "c1", "warn"));
        String xml = JUnitReport.render(new CiResult("failscope check", findings,
                List.of(new WaivedFinding(finding("x", Severity.ERROR, "c9", "e"), w)), Optional.of(Severity.ERROR)),
                RuleCatalog.standard().rules());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(suite.getAttribute("tests")).isEqualTo(Integer.toString(cases.getLength()));
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        Element first = (Element) cases.item(0);
        assertThat(first.getAttribute("classname")).isEqualTo("failscope.cluster-missing");
        assertThat(first.getAttribute("name")).isEqualTo("(no findings)");
        Element c1 = byName(cases, "failscope.failover-target-missing", "c1");
        assertThat(byName(cases, "failscope.failover-target-missing", "c2")).isNotNull();
        assertThat(byName(cases, "failscope.x", "c9").getElementsByTagName("skipped").getLength()).isEqualTo(1);
        assertThat(cases.getLength()).isEqualTo(RuleCatalog.standard().rules().size() - 2 + 4);
        Element failure = (Element) c1.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("a <b> & \"c\"\\u0001");
        assertThat(failure.getTextContent()).contains("second");
        assertThat(doc.getElementsByTagName("system-out").item(0).getTextContent()).contains("warn");
    }

    private static Element byName(NodeList cases, String classname, String name) {
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("classname").equals(classname) && e.getAttribute("name").equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no testcase " + classname + " " + name);
    }

    @Test
    void prometheusTextfile() {
        Inspection i = new Inspector().inspect(List.of("sample-topologies/catifyme"));
        String out = PrometheusReport.render(i.findings(), i.waived(), ResilienceMetrics.of(i.topology()),
                RuleCatalog.standard().rules(), Instant.ofEpochSecond(1_790_000_000L));
        assertThat(out).contains("failscope_findings{rule=\"failover-target-decommissioned\",severity=\"error\"} 1\n")
                .contains("failscope_findings{rule=\"failover-target-missing\",severity=\"error\"} 0\n")
                .contains("# TYPE failscope_single_points_of_failure gauge\nfailscope_single_points_of_failure 1\n")
                .contains("failscope_clusters_without_viable_failover 1\n")
                .endsWith("failscope_last_check_timestamp_seconds 1790000000\n");
        for (String line : out.lines().toList()) {
            assertThat(line).matches("# (HELP|TYPE) failscope_\\w+ .+|failscope_\\w+(\\{[^}]*\\})? \\d+");
        }
        // a newline in data is shown as the two characters \n, which the label escapes as \\n
        assertThat(PrometheusReport.label("a\"b\\c\nd")).isEqualTo("a\\\"b\\\\c\\\\nd");
    }

    @Test
    void exposureOfTheSamples() {
        Inspection bad = new Inspector().inspect(List.of("sample-topologies/catifyme"));
        ResilienceMetrics badMetrics = ResilienceMetrics.of(bad.topology());
        assertThat(badMetrics.clustersWithoutViableFailover()).containsExactly("catify-main");
        assertThat(badMetrics.singlePointsOfFailure()).containsExactly("db-main-1");
        Inspection good = new Inspector().inspect(List.of("sample-topologies/catifyme-fixed"));
        assertThat(FailoverExposure.of(good.topology()).clustersWithoutViableFailover()).isEmpty();
        assertThat(ResilienceMetrics.of(good.topology()).singlePointsOfFailure()).isEmpty();
    }
}
