package dev.failscope.load.importers.hcl;

import dev.failscope.model.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The positioned syntax tree of one HCL native-syntax file (Terraform {@code .tf} / {@code .tfvars}): bodies of
 * attributes and blocks, and expressions kept as far as Failscope can use them. Every node knows where it starts.
 */
public final class Hcl {
    private Hcl() {}

    /** Attributes and nested blocks, in the order written. */
    public record Body(List<Attribute> attributes, List<Block> blocks) {
        public Body {
            attributes = List.copyOf(attributes);
            blocks = List.copyOf(blocks);
        }

        public Optional<Attribute> attribute(String name) {
            return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
        }

        public List<Block> blocks(String type) {
            return blocks.stream().filter(b -> b.type().equals(type)).toList();
        }
    }

    /** {@code name = expression}. */
    public record Attribute(String name, SourcePosition at, Expr value) {}

    /** {@code type "label" "label" { body }}. */
    public record Block(String type, SourcePosition at, List<String> labels, List<SourcePosition> labelsAt,
                        Body body) {
        public Block {
            labels = List.copyOf(labels);
            labelsAt = List.copyOf(labelsAt);
        }

        public String label(int i) {
            return i < labels.size() ? labels.get(i) : "";
        }
    }

    /** An expression: literal, template, reference, tuple, object, or anything else (computed). */
    public sealed interface Expr permits Literal, Template, Reference, Tuple, ObjectExpr, Computed {
        SourcePosition at();

        /** The expression as written, for messages. */
        String source();
    }

    /** A number, bool, null, or a string without interpolation; {@code value} is its text. */
    public record Literal(String value, Kind kind, SourcePosition at, String source) implements Expr {}

    /** The kinds of literal. */
    public enum Kind { STRING, NUMBER, BOOL, NULL }

    /** A string with {@code ${...}} interpolations: literal text parts and expression parts. */
    public record Template(List<Expr> parts, SourcePosition at, String source) implements Expr {
        public Template {
            parts = List.copyOf(parts);
        }
    }

    /** A traversal such as {@code var.name}, {@code aws_db_instance.primary.identifier}, {@code count.index}. */
    public record Reference(List<String> path, SourcePosition at, String source) implements Expr {
        public Reference {
            path = List.copyOf(path);
        }
    }

    /** {@code [a, b]}. */
    public record Tuple(List<Expr> items, SourcePosition at, String source) implements Expr {
        public Tuple {
            items = List.copyOf(items);
        }
    }

    /** {@code {key = value, ...}}. */
    public record ObjectExpr(List<Attribute> entries, SourcePosition at, String source) implements Expr {
        public ObjectExpr {
            entries = List.copyOf(entries);
        }
    }

    /** A function call, operator, conditional or for expression: not evaluated; its references are kept. */
    public record Computed(List<Reference> references, SourcePosition at, String source) implements Expr {
        public Computed {
            references = List.copyOf(references);
        }
    }

    /** A syntax problem. */
    public record Problem(String message, SourcePosition at) {}

    /** A parsed file: its body and the problems met (the body holds what could be read). */
    public record Parsed(Body body, List<Problem> problems) {
        public Parsed {
            problems = List.copyOf(problems);
        }
    }

    /** Parses {@code text}, positions in {@code file}. */
    public static Parsed parse(String text, String file) {
        List<Problem> problems = new ArrayList<>();
        List<HclLexer.Token> tokens = new HclLexer(text, file, problems).tokens();
        Body body = new HclParser(tokens, text, file, problems).file();
        return new Parsed(body, problems);
    }
}
