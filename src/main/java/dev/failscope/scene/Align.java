package dev.failscope.scene;

/** Horizontal anchor of a text item. */
public enum Align { LEFT, CENTER, RIGHT }
