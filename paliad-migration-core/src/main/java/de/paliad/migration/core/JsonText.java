package de.paliad.migration.core;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Writes the gate's and the modes' reports as one line of JSON. The reports are maps,
 * lists, strings, numbers, booleans and nulls only, so this does not need (or depend on
 * the version of) the application's Jackson, and the output stays the same whatever the
 * application configured for its own JSON. Public only so the starter's mode reports use
 * the same writer instead of a copy; not a general JSON library.
 */
public final class JsonText {

	private JsonText() {
	}

	/**
	 * Writes a value.
	 * @param value a map, collection, string, number, boolean or {@code null}; anything
	 * else is written as its string
	 * @return the JSON text
	 */
	public static String write(@Nullable Object value) {
		StringBuilder json = new StringBuilder();
		append(json, value);
		return json.toString();
	}

	private static void append(StringBuilder json, @Nullable Object value) {
		if (value == null) {
			json.append("null");
		}
		else if (value instanceof Map<?, ?> map) {
			appendObject(json, map);
		}
		else if (value instanceof Collection<?> collection) {
			appendArray(json, collection);
		}
		else if (value instanceof Number || value instanceof Boolean) {
			json.append(value);
		}
		else {
			appendString(json, value.toString());
		}
	}

	private static void appendObject(StringBuilder json, Map<?, ?> map) {
		json.append('{');
		Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
		while (entries.hasNext()) {
			Map.Entry<?, ?> entry = entries.next();
			appendString(json, String.valueOf(entry.getKey()));
			json.append(':');
			append(json, entry.getValue());
			if (entries.hasNext()) {
				json.append(',');
			}
		}
		json.append('}');
	}

	private static void appendArray(StringBuilder json, Collection<?> collection) {
		json.append('[');
		Iterator<?> items = collection.iterator();
		while (items.hasNext()) {
			append(json, items.next());
			if (items.hasNext()) {
				json.append(',');
			}
		}
		json.append(']');
	}

	private static void appendString(StringBuilder json, String text) {
		json.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				case '\b' -> json.append("\\b");
				case '\f' -> json.append("\\f");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

}
