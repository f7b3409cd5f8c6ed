package dev.failscope.ui.viewmodel;

import java.util.prefs.Preferences;

/** Window geometry, split positions, theme and legend, remembered across restarts. */
public final class UiSettings {
    public enum Theme { LIGHT, DARK }

    private final Preferences prefs;

    public UiSettings(Preferences prefs) {
        this.prefs = prefs;
    }

    public Theme theme() {
        return "DARK".equals(prefs.get("theme", "LIGHT")) ? Theme.DARK : Theme.LIGHT;
    }

    public void theme(Theme theme) {
        prefs.put("theme", theme.name());
    }

    public boolean legend() {
        return prefs.getBoolean("legend", true);
    }

    public void legend(boolean shown) {
        prefs.putBoolean("legend", shown);
    }

    /** Width, height; defaults fit a 1366×768 screen. */
    public double width() {
        return clamp(prefs.getDouble("window.width", 1280), 640, 3840);
    }

    public double height() {
        return clamp(prefs.getDouble("window.height", 720), 480, 2160);
    }

    public boolean maximized() {
        return prefs.getBoolean("window.maximized", false);
    }

    public void window(double width, double height, boolean maximized) {
        prefs.putBoolean("window.maximized", maximized);
        if (!maximized) {
            prefs.putDouble("window.width", width);
            prefs.putDouble("window.height", height);
        }
    }

    /** A divider position in 0..1, or the default. */
    public double splitOr(String name, double fallback) {
        return clamp(prefs.getDouble("split." + name, fallback), 0.05, 0.95);
    }

    public void saveSplit(String name, double position) {
        prefs.putDouble("split." + name, position);
    }

    private static double clamp(double v, double min, double max) {
        return Double.isNaN(v) ? min : Math.max(min, Math.min(max, v));
    }
}
