package dev.failscope.load.tree;

/** The resolved type of a scalar (YAML core schema, or the JSON token type). */
public enum ScalarType {
    STRING("a string"), INT("an integer"), FLOAT("a number"), BOOL("a boolean"), NULL("null");

    private final String article;

    ScalarType(String article) {
        this.article = article;
    }

    public String describe() {
        return article;
    }
}
