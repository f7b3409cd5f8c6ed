package dev.failscope.io;

/** An output Failscope will not write, with a one-line reason meant for the user. */
public final class OutputRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public OutputRefusedException(String message) {
        super(message);
    }
}
