package org.hearth.gateway.app.provision;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the values of an answers file through the wizard's {@link Checks}, collecting every
 * problem as {@code key: message} instead of stopping at the first.
 */
final class AnswerReader {

    private final List<String> errors = new ArrayList<>();

    void error(String line) {
        errors.add(line);
    }

    List<String> errors() {
        return List.copyOf(errors);
    }

    /** Sets the value of {@code field} when it is there and checks; records why not when it does not. */
    <T> void text(JsonNode node, String field, String at, Function<String, Checked<T>> parse, Consumer<T> set) {
        JsonNode n = node.path(field);
        if (n.isMissingNode() || n.isNull()) {
            return;
        }
        if (!n.isValueNode()) {
            errors.add(at + ": must be a single value");
            return;
        }
        Checked<T> c = parse.apply(n.asText());
        if (c.isOk()) {
            set.accept(c.value());
        } else {
            errors.add(at + ": " + c.problem() + ", was \"" + n.asText() + "\"");
        }
    }

    <T> void required(JsonNode node, String field, String at, Function<String, Checked<T>> parse, Consumer<T> set) {
        if (node.path(field).isMissingNode() || node.path(field).isNull()) {
            errors.add(at + ": is required");
            return;
        }
        text(node, field, at, parse, set);
    }

    /** True when {@code n} is a mapping to read; absent is false, anything else an error. */
    boolean object(JsonNode n, String at) {
        if (n.isMissingNode() || n.isNull()) {
            return false;
        }
        if (!n.isObject()) {
            errors.add(at + ": must be a mapping");
            return false;
        }
        return true;
    }

    /** True when {@code node} is a list; an error {@code at: must be a list of SHAPE} when not. */
    boolean list(JsonNode node, String at, String shape) {
        if (!node.isArray()) {
            errors.add(at + ": must be a list of " + shape);
            return false;
        }
        return true;
    }

    /** Reads each entry of a list with its key ({@code sensors[2]}); one that is not a mapping must be {@code shape}. */
    void each(JsonNode list, String at, String shape, BiConsumer<JsonNode, String> read) {
        for (int i = 0; i < list.size(); i++) {
            String entryAt = at + "[" + i + "]";
            if (object(list.get(i), entryAt)) {
                read.accept(list.get(i), entryAt);
            } else {
                errors.add(entryAt + ": must be " + shape);
            }
        }
    }

    /** The entry's own id, or {@code base} made unique in the plan; null, having said so, when the id given is taken. */
    String id(JsonNode entry, String at, HomePlan plan, String base) {
        boolean given = !entry.path("id").isMissingNode();
        String wanted = given ? entry.path("id").asText().strip() : base;
        String id = plan.uniqueId(wanted);
        if (given && !id.equals(wanted)) {
            errors.add(at + ".id: \"" + wanted + "\" is already used");
            return null;
        }
        return id;
    }

    /** Records each key of {@code node} that is not {@code allowed}. */
    void known(JsonNode node, String at, Set<String> allowed) {
        node.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                errors.add((at.isEmpty() ? "" : at + ".") + k + ": unknown answer; expected one of "
                        + allowed.stream().sorted().collect(Collectors.joining(", ")));
            }
        });
    }
}
