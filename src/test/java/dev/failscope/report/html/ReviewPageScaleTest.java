package dev.failscope.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A 5,000-server check page ({@code failscope generate --clusters 1250 --replicas 3}) opens in headless
 * Chromium in under 5 s and stays responsive: zoom, fit, search and selecting a finding each repaint within a
 * second, and the detailed SVG tiles replace the PNG overview within 3 s of zooming in. The numbers go to the test
 * log (and docs/performance.md).
 */
class ReviewPageScaleTest {
    @TempDir
    Path tmp;

    @Test
    void fiveThousandServersOpenUnderFiveSecondsAndStayResponsive() throws IOException {
        Path fleet = tmp.resolve("fleet");
        assertThat(Cli.run("generate", "--clusters", "1250", "--replicas", "3", "--zones", "3", "--faults", "12",
                "--seed", "2026", fleet.toString()).exit()).isZero();
        Path page = ReviewPageBrowserTest.OUT.toAbsolutePath().resolve("fleet-5000-check.html");
        Files.createDirectories(page.getParent());
        long t0 = System.nanoTime();
        Cli r = Cli.run("check", "--fail-on", "never", "--format", "html", "--output", page.toString(),
                fleet.toString());
        long writeMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.exit()).isZero();
        long bytes = Files.size(page);

        ChromeDriver driver = Browser.start(1280, 720);
        try {
            long l0 = System.nanoTime();
            driver.get(page.toUri().toString());
            new WebDriverWait(driver, Duration.ofSeconds(60))
                    .until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            Number painted = (Number) driver.executeAsyncScript(frameAfter(""));
            long openMs = (System.nanoTime() - l0) / 1_000_000;
            long readyMs = Long.parseLong(driver.findElement(By.tagName("body")).getDomAttribute("data-ready-ms"));
            double zoomMs = ((Number) driver.executeAsyncScript(frameAfter(
                    "document.getElementById('fs-zoom-in').click();"))).doubleValue();
            double fitMs = ((Number) driver.executeAsyncScript(frameAfter(
                    "document.getElementById('fs-fit').click();"))).doubleValue();
            double searchMs = ((Number) driver.executeAsyncScript(frameAfter(
                    "var i = document.getElementById('fs-search'); i.value = 'db-00'; "
                    + "i.dispatchEvent(new Event('input'));"))).doubleValue();
            double findingMs = ((Number) driver.executeAsyncScript(frameAfter(
                    "document.querySelector('#fs-findings tbody tr').click();"))).doubleValue();
            double tilesMs = ((Number) driver.executeAsyncScript(
                    "var done = arguments[arguments.length - 1], t = performance.now();"
                    + "(function poll() { var c = document.getElementById('fs-canvas');"
                    + " if (+(c.getAttribute('data-tiles') || 0) > 0) {"
                    + "   requestAnimationFrame(function () { requestAnimationFrame(function () {"
                    + "     done(performance.now() - t); }); }); }"
                    + " else if (performance.now() - t > 10000) { done(-1); } else { setTimeout(poll, 10); } })();"))
                    .doubleValue();
            Files.write(ReviewPageBrowserTest.OUT.resolve("fleet-5000-finding-1280x720.png"),
                    driver.getScreenshotAs(OutputType.BYTES));
            int servers = ((Number) driver.executeScript(
                    "return JSON.parse(document.getElementById('fs-data').textContent).sides[0].nodes"
                    + ".filter(function(n){return n.kind==='server';}).length;")).intValue();
            System.out.printf("review page, %d servers: written in %d ms, %.1f MB; opened (load, script, first "
                    + "frame) in %d ms (script done at %d ms after navigation start, frame at %.0f ms); zoom %.0f ms, "
                    + "fit %.0f ms, search %.0f ms, select finding %.0f ms, then its SVG tiles drawn %.0f ms later%n", servers,
                    writeMs, bytes / 1e6, openMs, readyMs, painted.doubleValue(), zoomMs, fitMs, searchMs, findingMs,
                    tilesMs);
            assertThat(tilesMs).as("the SVG tiles appear within 3 s of zooming in").isPositive().isLessThan(3000);
            assertThat(servers).isGreaterThanOrEqualTo(5000);
            assertThat(openMs).as("open in under 5 s").isLessThan(5000);
            assertThat(Stream.of(zoomMs, fitMs, searchMs, findingMs).max(Comparator.naturalOrder()).orElseThrow())
                    .as("each interaction repaints within 1 s").isLessThan(1000.0);
        } finally {
            driver.quit();
        }
    }

    /**
     * The 5,000-server diff page: the same fleet with one server decommissioned, both sides drawn through the
     * scene (diff marks in each side's picture, every step's state marks in the data). Measures opening it and
     * two interactions: stepping the simulation to its end (the scene's marks drawn over the graph) and
     * switching to the before side.
     */
    @Test
    void fiveThousandServerDiffOpensUnderFiveSecondsAndSteps() throws IOException {
        Path before = tmp.resolve("before");
        assertThat(Cli.run("generate", "--clusters", "1250", "--replicas", "3", "--zones", "3", "--faults", "12",
                "--seed", "2026", before.toString()).exit()).isZero();
        Path after = tmp.resolve("after");
        try (Stream<Path> files = Files.walk(before)) {
            for (Path f : files.sorted().toList()) {
                Path to = after.resolve(before.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        // the second server of the first zone (a replica, a failover candidate) is decommissioned
        Path changed;
        try (Stream<Path> files = Files.list(after.resolve("inventory"))) {
            changed = files.filter(f -> !f.getFileName().toString().equals("retired.yaml")).sorted().findFirst()
                    .orElseThrow();
        }
        String text = Files.readString(changed);
        int second = text.indexOf("\n    host: ", text.indexOf("\n    host: ") + 1);
        int eol = text.indexOf('\n', second + 1);
        Files.writeString(changed, text.substring(0, eol + 1) + "    status: decommissioned\n" + text.substring(eol + 1));
        Path page = ReviewPageBrowserTest.OUT.toAbsolutePath().resolve("fleet-5000-diff.html");
        Files.createDirectories(page.getParent());
        long t0 = System.nanoTime();
        Cli r = Cli.run("diff", "--format", "html", "--output", page.toString(), before.toString(), after.toString());
        long writeMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.exit()).as(r.toString()).isIn(0, 1);
        long bytes = Files.size(page);
        ChromeDriver driver = Browser.start(1280, 720);
        try {
            long l0 = System.nanoTime();
            driver.get(page.toUri().toString());
            new WebDriverWait(driver, Duration.ofSeconds(60))
                    .until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            driver.executeAsyncScript(frameAfter(""));
            long openMs = (System.nanoTime() - l0) / 1_000_000;
            double endMs = ((Number) driver.executeAsyncScript(frameAfter(
                    "document.getElementById('fs-viewport').dispatchEvent(new KeyboardEvent('keydown', "
                    + "{key: 'End', bubbles: true}));"))).doubleValue();
            long marks = (Long) driver.executeScript("return document.querySelectorAll('#fs-overlay g.fs-state').length;");
            double sideMs = ((Number) driver.executeAsyncScript(frameAfter(
                    "document.querySelector('#fs-sides button').click();"))).doubleValue();
            Files.write(ReviewPageBrowserTest.OUT.resolve("fleet-5000-diff-1280x720.png"),
                    driver.getScreenshotAs(OutputType.BYTES));
            System.out.printf("review page, diff of 5,000 servers: written in %d ms, %.1f MB; opened in %d ms; "
                    + "simulation stepped to its end in %.0f ms (%d state marks), side switched in %.0f ms%n",
                    writeMs, bytes / 1e6, openMs, endMs, marks, sideMs);
            assertThat(marks).as("the end of the simulation is marked").isPositive();
            assertThat(openMs).as("open in under 5 s").isLessThan(5000);
            assertThat(Math.max(endMs, sideMs)).as("each interaction repaints within 1 s").isLessThan(1000.0);
        } finally {
            driver.quit();
        }
    }

    /** Runs {@code action}, then answers how many ms passed until the second animation frame after it. */
    private static String frameAfter(String action) {
        return "var done = arguments[arguments.length - 1]; var t = performance.now(); " + action
                + " requestAnimationFrame(function () { requestAnimationFrame(function () {"
                + " done(action0(t)); }); });"
                + " function action0(t0) { return " + (action.isEmpty() ? "performance.now()" : "performance.now() - t0")
                + "; }";
    }
}
