package dev.failscope.report.html;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** The line a markdown pull-request comment ends with when the review page is published somewhere. */
public final class ReviewLink {
    private ReviewLink() {}

    /** Why {@code url} cannot be linked (not an absolute http(s) URL), or empty when it can. */
    public static Optional<String> problem(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                return Optional.of("must be an absolute http or https URL: " + url);
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL (" + e.getReason() + "): " + url);
        }
    }

    /**
     * {@code \n[Open the review page](URL) …\n}. The URL is a valid {@link URI}, so it has no spaces or angle
     * brackets; parentheses, which would end the markdown link, are percent-encoded.
     */
    public static String markdown(String url) {
        if (problem(url).isPresent()) {
            throw new IllegalArgumentException(problem(url).get());
        }
        String safe = url.replace("(", "%28").replace(")", "%29");
        return "\n[Open the review page](" + safe + "): the graph with the change marked, the findings linked to "
                + "their lines, and a stepper that plays each primary loss.\n";
    }
}
