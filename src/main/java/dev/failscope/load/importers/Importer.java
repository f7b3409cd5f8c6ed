package dev.failscope.load.importers;

/**
 * One input format. Reading is two-phase, because some formats merge across files (Patroni members sharing a
 * {@code scope}, the sentinel files of one deployment): {@link Session#read} parses and collects each file,
 * then {@link Session#finish} resolves what was collected into the {@link ImportContext}, once every file has
 * been read.
 */
public interface Importer {
    /** The id used by {@code --as}, such as {@code patroni}. */
    String id();

    /** How the format is named in messages, such as "Patroni YAML". */
    String label();

    /** True for formats read line by line (not YAML/JSON): their files' YAML syntax errors do not matter. */
    default boolean lineBased() {
        return false;
    }

    /** True when the file's content is in this format (detection never depends on the file name). */
    boolean detect(SourceText source);

    /** A fresh session for one load run. */
    Session open(ImportContext context);

    /** The state of one load run. */
    interface Session {
        /**
         * Parses and collects one file. {@code forced} is true when the user forced this format with
         * {@code --as}: the file was not detected, so say clearly when nothing in it could be read.
         */
        void read(SourceText source, boolean forced);

        /** Resolves everything collected into the context's model. */
        default void finish() {}
    }
}
