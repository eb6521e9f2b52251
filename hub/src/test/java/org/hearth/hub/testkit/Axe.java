package org.hearth.hub.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Deque's axe-core (the {@code axe.min.js} bundled in Maven Central's {@code com.deque.html.axe-core:selenium}) run on
 * the page a browser shows, for the WCAG 2.2 A and AA rules. The script is injected by WebDriver, which the page's
 * Content-Security-Policy does not govern, so the app's own CSP stays as strict as it is.
 */
public final class Axe {

    /** WCAG 2.0, 2.1 and 2.2, levels A and AA: axe-core's tags for them. */
    public static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static final String SOURCE = load();

    private Axe() {
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Each violation of the page as it is now, one line per rule: its id, impact, help text and the elements it found
     * (CSS selectors, with axe's own summary of what to fix). Empty when axe found none.
     */
    @SuppressWarnings("unchecked")
    public static List<String> violations(JavascriptExecutor browser) {
        if (!Boolean.TRUE.equals(browser.executeScript("return typeof window.axe === 'object'"))) {
            browser.executeScript(SOURCE);
        }
        Object answer = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
                + ".then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — '"
                + "  + v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary.replace(/\\s+/g, ' ')).join(' | '))),"
                + "  e => done(['axe failed: ' + e]));", WCAG_22_AA);
        return (List<String>) answer;
    }

    /** How many of axe-core's rules those tags select (so a report can say how much was checked). */
    public static long ruleCount(JavascriptExecutor browser) {
        violations(browser);
        return (Long) browser.executeScript("return axe.getRules(arguments[0]).length", WCAG_22_AA);
    }
}
