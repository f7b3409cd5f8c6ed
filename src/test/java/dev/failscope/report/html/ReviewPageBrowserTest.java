package dev.failscope.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.cli.Cli;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The review page in headless Chromium: the CatifyMe diff (red edge to db-legacy-2, the finding linked to
 * failover.yaml:8, the outage at the end of the stepper), a simulate page stepped from the keyboard, and the
 * hostile-names page that must execute nothing. Screenshots land in target/html-shots/ for people to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewPageBrowserTest {
    static final Path OUT = Path.of("target", "html-shots");
    private ChromeDriver driver;

    @BeforeAll
    void start() throws IOException {
        Files.createDirectories(OUT);
        driver = Browser.start(1280, 720);
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    static Path page(String name, String... args) {
        Path file = OUT.resolve(name).toAbsolutePath();
        String[] full = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--format", "html", "--output", file.toString())).toArray(String[]::new);
        Cli r = Cli.run(full);
        assertThat(r.err()).isEmpty();
        assertThat(file).exists();
        return file;
    }

    void open(Path file) {
        driver.get(file.toUri().toString());
        new WebDriverWait(driver, java.time.Duration.ofSeconds(30))
                .until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    @Test
    void catifyMeDiffShowsTheRedEdgeTheLinkedFindingAndTheOutage() throws IOException {
        open(page("catifyme-diff.html", "diff", "sample-topologies/catifyme-before", "sample-topologies/catifyme"));
        Path shot = screenshot("catifyme-diff-1280x720.png");

        // the failover edge to db-legacy-2 is drawn red (render's encoding for a decommissioned target)
        Map<?, ?> r = (Map<?, ?>) js(
                "var d = JSON.parse(document.getElementById('fs-data').textContent);"
                + "var s = d.sides[1], t = s.byName;"
                + "var to = s.nodes.findIndex(function(n){return n.name==='db-legacy-2';});"
                + "var i = s.edges.findIndex(function(e){return e.kind==='failover' && e.to===to;});"
                + "var b = document.getElementById(s.prefix + 'e' + i).getBoundingClientRect();"
                + "return {x:b.left, y:b.top, w:b.width, h:b.height, i:i};");
        assertThat(((Number) r.get("i")).intValue()).isNotNegative();
        assertThat(redPixels(shot, r)).as("red pixels on the failover edge to db-legacy-2").isGreaterThan(15);

        // click the finding at failover.yaml:8 about db-legacy-2 -> the cluster is selected, the edge marked,
        // and its source line shown highlighted
        WebElement row = driver.findElement(By.cssSelector(
                "#fs-findings tbody tr[data-where$='failover.yaml:8'][data-rule='failover-target-decommissioned']"));
        row.click();
        assertThat(driver.findElement(By.id("fs-viewport")).getDomAttribute("data-selected")).isEqualTo("catify-main");
        assertThat(driver.findElements(By.cssSelector("#fs-overlay .fs-mark-edge"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#fs-overlay .fs-mark-related"))).isNotEmpty();
        WebElement hitLine = driver.findElement(By.cssSelector("#fs-source .fs-hit"));
        assertThat(hitLine.getDomAttribute("data-line")).isEqualTo("8");
        assertThat(hitLine.getText()).contains("- db-legacy-2");
        assertThat(driver.findElement(By.cssSelector("#fs-source .fs-where")).getText()).endsWith("failover.yaml:8:5");
        screenshot("catifyme-diff-finding-1280x720.png");

        // click the ghost-free decommissioned box in the graph -> its findings are highlighted in the table
        clickNode("db-legacy-2");
        assertThat(driver.findElement(By.id("fs-viewport")).getDomAttribute("data-selected")).isEqualTo("db-legacy-2");
        List<WebElement> related = driver.findElements(By.cssSelector("#fs-findings tbody tr.fs-related"));
        assertThat(related).isNotEmpty().allSatisfy(tr -> assertThat(tr.getDomAttribute("aria-label")).contains("db-legacy-2"));

        // the stepper plays losing db-main-1 after the change: at the end, an outage
        driver.findElement(By.id("fs-viewport")).sendKeys(Keys.END);
        assertThat(state("db-main-1")).isEqualTo("failed");
        assertThat(state("catify-main")).isEqualTo("down");
        assertThat(driver.findElements(By.cssSelector("#fs-states li[data-state=outage]"))).hasSize(1);
        assertThat(driver.findElement(By.cssSelector("#fs-states li.fs-outage")).getText()).isEqualTo("end: OUTAGE");
        assertThat(driver.findElements(By.cssSelector("#fs-overlay g.fs-state[data-name='db-main-1'][data-state=failed]")))
                .hasSize(1);
        assertThat(driver.findElements(By.cssSelector("#fs-overlay g.fs-state[data-name='catify-main'][data-state=down]")))
                .hasSize(1);
        screenshot("catifyme-diff-end-1280x720.png");

        // the before side: the same loss is survived (db-replica-1 promoted)
        driver.findElement(By.xpath("//*[@id='fs-sides']//button[text()='before']")).click();
        driver.findElement(By.id("fs-viewport")).sendKeys(Keys.END);
        assertThat(state("db-replica-1")).isEqualTo("promoted");
        assertThat(driver.findElement(By.cssSelector("#fs-states li[data-state=end]")).getText()).isEqualTo("end: no outage (degraded)");

        Browser.resize(driver, 1600, 1000);
        driver.findElement(By.xpath("//*[@id='fs-sides']//button[text()='after']")).click();
        driver.findElement(By.id("fs-viewport")).sendKeys(Keys.END);
        screenshot("catifyme-diff-end-1600x1000.png");
        Browser.resize(driver, 1280, 720);
    }

    @Test
    void simulatePageStepsFromTheKeyboard() throws IOException {
        open(page("catifyme-simulate.html", "simulate", "sample-topologies/catifyme", "--fail", "db-main-1"));
        WebElement viewport = driver.findElement(By.id("fs-viewport"));
        viewport.click();
        assertThat(viewport.getDomAttribute("data-step")).isEqualTo("0");
        assertThat(driver.findElements(By.cssSelector("#fs-overlay g.fs-state"))).isEmpty();
        viewport.sendKeys(Keys.ARROW_RIGHT);
        assertThat(viewport.getDomAttribute("data-step")).isEqualTo("1");
        assertThat(state("db-main-1")).isEqualTo("failed");
        viewport.sendKeys(" ");
        assertThat(viewport.getDomAttribute("data-step")).isEqualTo("2");
        viewport.sendKeys(Keys.ARROW_LEFT);
        assertThat(viewport.getDomAttribute("data-step")).isEqualTo("1");
        viewport.sendKeys(Keys.END);
        assertThat(state("catify-main")).isEqualTo("down");
        assertThat(state("cat-posting")).isEqualTo("down");
        screenshot("catifyme-simulate-end-1280x720.png");

        // "/" focuses the search; Enter selects and centres the match
        viewport.sendKeys("/");
        WebElement search = driver.switchTo().activeElement();
        assertThat(search.getDomAttribute("id")).isEqualTo("fs-search");
        search.sendKeys("replica", Keys.ENTER);
        assertThat(viewport.getDomAttribute("data-selected")).isEqualTo("db-replica-1");
        assertThat(driver.findElement(By.id("fs-search-count")).getText()).isEqualTo("1 match");

        // Tab reaches the findings rows; Enter on a row selects its element
        WebElement first = driver.findElement(By.cssSelector("#fs-findings tbody tr"));
        assertThat(first.getDomAttribute("tabindex")).isEqualTo("0");
        first.sendKeys(Keys.ENTER);
        assertThat(first.getDomAttribute("class")).contains("fs-current");
        assertThat(viewport.getDomAttribute("data-selected")).isEqualTo("catify-main");
    }

    @Test
    void sweepPageListsTheFailuresWithTheirOutcomes() throws IOException {
        open(page("catifyme-sweep.html", "sweep", "sample-topologies/catifyme"));
        List<WebElement> rows = driver.findElements(By.cssSelector("#fs-sweep tbody tr"));
        assertThat(rows).hasSize(3);
        WebElement main = rows.stream().filter(r -> r.getText().startsWith("db-main-1")).findFirst().orElseThrow();
        assertThat(main.getDomAttribute("data-result")).isEqualTo("down");
        main.sendKeys(" ");
        assertThat(graphState("db-main-1")).isEqualTo("failed");
        assertThat(driver.findElements(By.cssSelector("#fs-overlay g.fs-state[data-name='catify-main'][data-state=down]")))
                .hasSize(1);
        screenshot("catifyme-sweep-1280x720.png");
    }

    @Test
    void hostileNamesExecuteNothing() throws IOException {
        String target = "db-<script>window.fsPwned='script'</script>";
        Path file = page("hostile.html", "simulate", "src/test/resources/html/hostile", "--fail", target);
        String html = Files.readString(file);
        assertThat(html.split("<script", -1)).hasSize(3);
        open(file);
        assertThat(js("return typeof window.fsPwned;")).isEqualTo("undefined");
        try {
            driver.switchTo().alert();
            throw new AssertionError("an alert opened");
        } catch (NoAlertPresentException expected) {
            // nothing executed
        }
        assertThat(driver.findElements(By.tagName("script"))).hasSize(2);
        assertThat(driver.findElements(By.cssSelector("img, b, [onload], [onerror], [onmouseover]"))).isEmpty();
        assertThat(driver.getTitle()).isEqualTo("failscope simulate — src/test/resources/html/hostile");
        // the names are there, as text: in the SVG, in the tables and in the page's data
        String svgText = (String) js("return document.querySelector('.fs-side svg').textContent;");
        // (long names lose their middle to fit their boxes, the end that tells servers apart stays: issue 14)
        assertThat(svgText).contains("db-<script>wi").contains("svc-</title>")
                .contains("c-<svg onload=\"window.fsPwned='svg'\">");
        driver.findElement(By.id("fs-viewport")).sendKeys(Keys.END);
        assertThat(state(target)).isEqualTo("failed");
        assertThat(graphState(target)).isEqualTo("failed");
        driver.findElement(By.id("fs-search")).sendKeys("]]>--></script>", Keys.ENTER);
        assertThat(driver.findElement(By.id("fs-viewport")).getDomAttribute("data-selected"))
                .isEqualTo("db-\"quoted\"-'single'-]]>--></script><script>window.fsPwned='close'</script>");
        assertThat(driver.findElement(By.cssSelector("#fs-selection .fs-sel-name")).getText())
                .isEqualTo("db-\"quoted\"-'single'-]]>--></script><script>window.fsPwned='close'</script>");
        for (WebElement row : driver.findElements(By.cssSelector("#fs-findings tbody tr"))) {
            row.click();
        }
        assertThat(js("return typeof window.fsPwned;")).isEqualTo("undefined");
        assertThat(driver.findElements(By.cssSelector("img, b, [onload], [onerror], [onmouseover]"))).isEmpty();
        // the console is the marker: nothing tried to run (a blocked inline script would be a CSP report here)
        List<String> console = driver.manage().logs().get("browser").getAll().stream()
                .map(e -> e.getLevel() + " " + e.getMessage()).toList();
        assertThat(console).noneMatch(m -> m.contains("Content Security Policy") || m.contains("fsPwned")
                || m.contains("SEVERE"));
        screenshot("hostile-1280x720.png");
    }

    @Test
    void printMediaHidesTheControlsAndFitsTheGraph() throws IOException {
        open(page("catifyme-diff-print.html", "diff", "sample-topologies/catifyme-before", "sample-topologies/catifyme"));
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(driver.findElement(By.cssSelector(".fs-toolbar")).isDisplayed()).isFalse();
            assertThat(driver.findElement(By.cssSelector(".fs-footer")).isDisplayed()).isFalse();
            assertThat(driver.findElement(By.id("fs-findings")).isDisplayed()).isTrue();
            Number svgWidth = (Number) js("return document.querySelector('.fs-side:not([hidden]) svg')"
                    + ".getBoundingClientRect().width;");
            Number pageWidth = (Number) js("return document.querySelector('.fs-graph-pane').getBoundingClientRect().width;");
            assertThat(svgWidth.doubleValue()).isCloseTo(pageWidth.doubleValue(), org.assertj.core.data.Offset.offset(4.0));
            screenshot("catifyme-diff-print-1280x720.png");
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    String state(String name) {
        for (WebElement li : driver.findElements(By.cssSelector("#fs-states li[data-name]"))) {
            if (name.equals(li.getDomAttribute("data-name"))) {
                return li.getDomAttribute("data-state");
            }
        }
        return "none";
    }

    /** The state mark the overlay draws on an element, read without putting the name into a selector. */
    String graphState(String name) {
        for (WebElement g : driver.findElements(By.cssSelector("#fs-overlay g.fs-state"))) {
            if (name.equals(g.getDomAttribute("data-name"))) {
                return g.getDomAttribute("data-state");
            }
        }
        return "none";
    }

    void clickNode(String name) {
        Map<?, ?> p = (Map<?, ?>) js(
                "var d = JSON.parse(document.getElementById('fs-data').textContent);"
                + "var side = d.sides[d.sides.length - 1];"
                + "var name = arguments[0], n = side.nodes.find(function(x){return x.name===name;});"
                + "var c = document.getElementById('fs-overlay').getBoundingClientRect();"
                + "var k = c.width / side.size[0];"
                + "var v = document.getElementById('fs-viewport').getBoundingClientRect();"
                + "return {x: c.left - v.left + (n.box[0] + n.box[2] / 2) * k - v.width / 2,"
                + "        y: c.top - v.top + (n.box[1] + n.box[3] / 2) * k - v.height / 2};", name);
        new Actions(driver).moveToElement(driver.findElement(By.id("fs-viewport")),
                (int) Math.round(((Number) p.get("x")).doubleValue()), (int) Math.round(((Number) p.get("y")).doubleValue()))
                .click().perform();
    }

    Path screenshot(String name) throws IOException {
        Path file = OUT.resolve(name);
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** Pixels of render's danger red (#C62828, with anti-aliasing slack) inside the rectangle. */
    static int redPixels(Path png, Map<?, ?> r) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(png)));
        int x0 = (int) Math.floor(((Number) r.get("x")).doubleValue()) - 2;
        int y0 = (int) Math.floor(((Number) r.get("y")).doubleValue()) - 2;
        int x1 = (int) Math.ceil(x0 + ((Number) r.get("w")).doubleValue()) + 4;
        int y1 = (int) Math.ceil(y0 + ((Number) r.get("h")).doubleValue()) + 4;
        int red = 0;
        for (int y = Math.max(0, y0); y < Math.min(img.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(img.getWidth(), x1); x++) {
                int rgb = img.getRGB(x, y);
                int rr = (rgb >> 16) & 0xFF;
                int gg = (rgb >> 8) & 0xFF;
                int bb = rgb & 0xFF;
                if (rr > 170 && gg < 90 && bb < 90) {
                    red++;
                }
            }
        }
        return red;
    }
}
