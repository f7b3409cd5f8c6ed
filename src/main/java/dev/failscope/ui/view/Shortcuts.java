package dev.failscope.ui.view;

import java.util.List;

/** Every keyboard shortcut, as listed under Help → Keyboard shortcuts. */
final class Shortcuts {
    static final List<List<String>> ALL = List.of(
            List.of("Ctrl+O", "Open files"),
            List.of("Ctrl+Shift+O", "Open a folder"),
            List.of("Ctrl+R", "Reload (files also reload by themselves when they change)"),
            List.of("F5", "Present: the graph and big captions, full screen (a scenario, the simulation, or the graph)"),
            List.of("In presentation", "Page Down, →, space: next · Page Up, ←: back · B: blank · Esc: leave"),
            List.of("Ctrl+D", "Compare with another folder or a git revision (diff mode)"),
            List.of("Ctrl+K", "Connect to running clusters (Patroni, Sentinel, etcd): snapshot and drift marks"),
            List.of("Ctrl+E / Ctrl+Shift+E", "Export PNG / SVG"),
            List.of("Ctrl+Alt+E", "Export the simulation or scenario as an animated GIF or PNG frames"),
            List.of("Ctrl+F", "Find by name: centres and selects"),
            List.of("F", "Fit the graph to the window"),
            List.of("+ / −, wheel, pinch", "Zoom"),
            List.of("Drag", "Pan"),
            List.of("Click", "Select; Shift+click adds a server to the failure scenario"),
            List.of("Right-click", "Simulate loss of a server, or of a whole zone or region (on its lane)"),
            List.of("⚡ Lose zone / region / host", "Loss of the selected server's zone, region or host, or any by name"),
            List.of("L", "Show or hide the legend"),
            List.of("Ctrl+Shift+F", "Show or hide the filter bar (only clusters with findings, severity, rule, zone, service, file)"),
            List.of("M", "Show or hide the minimap (click or drag in it to move the view)"),
            List.of("C / Shift+C", "Collapse or expand the selected cluster / expand everything (right-click: zones, regions)"),
            List.of("K", "Simulate loss of the selected server"),
            List.of("Ctrl+← / Ctrl+→", "Step the simulation back / forward"),
            List.of("P", "Play / pause the simulation"),
            List.of("Home / End", "Reset the simulation / jump to its end"),
            List.of("Ctrl+Shift+X", "Exit simulation mode"),
            List.of("F1", "This list"),
            List.of("Ctrl+Q", "Quit"));

    private Shortcuts() {}
}
