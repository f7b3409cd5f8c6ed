package dev.failscope.ui.viewmodel;

/** The text glyphs used as icons, so meaning never depends on colour alone. */
public final class Icons {
    public static final String ERROR = "✖";
    public static final String WARNING = "▲";
    public static final String INFO = "ℹ";

    private Icons() {}

    public static String severity(String label) {
        return switch (label) {
            case "error" -> ERROR;
            case "warning" -> WARNING;
            default -> INFO;
        };
    }
}
