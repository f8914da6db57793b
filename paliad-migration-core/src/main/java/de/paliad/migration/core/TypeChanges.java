package de.paliad.migration.core;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a rewriting type change can break the running version.
 * <p>
 * A change without a rewrite keeps every stored value as it is (binary-coercible: varchar
 * widening, varchar to text, a numeric precision increase) and is never asked here. A
 * rewrite converts every value; it breaks the running version when the new type accepts
 * less than the old one (narrowing: bigint to integer, numeric(10,2) to numeric(8,2)) or
 * is another kind of value (another {@code typcategory}: text to integer, timestamp to
 * date), because the old code's reads and writes no longer fit. A widening within the
 * numeric category (integer to bigint, integer to numeric, real to double precision)
 * keeps every value the old code writes and reads back: it is a blocking rewrite, not a
 * breaking change. Anything not known to widen counts as breaking — a missed break costs
 * an outage, a false alarm a directive.
 */
final class TypeChanges {

	private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint", "numeric");

	private static final List<String> FLOATS = List.of("real", "double precision");

	private static final Pattern NUMERIC = Pattern.compile("numeric(?:\\((\\d+)(?:,(\\d+))?\\))?");

	private TypeChanges() {
	}

	static boolean breaks(CatalogState.Column old, CatalogState.Column now) {
		if (old.category() != now.category()) {
			return true;
		}
		return !widens(old.type(), now.type());
	}

	static boolean widens(String from, String to) {
		Matcher fromNumeric = NUMERIC.matcher(from);
		Matcher toNumeric = NUMERIC.matcher(to);
		if (fromNumeric.matches() && toNumeric.matches()) {
			if (toNumeric.group(1) == null) {
				return true;
			}
			if (fromNumeric.group(1) == null) {
				return false;
			}
			int fromScale = scale(fromNumeric);
			int toScale = scale(toNumeric);
			return toScale >= fromScale && Integer.parseInt(toNumeric.group(1))
					- toScale >= Integer.parseInt(fromNumeric.group(1)) - fromScale;
		}
		if (INTEGERS.contains(from) && (INTEGERS.contains(to) || toNumeric.matches())) {
			return toNumeric.matches() ? toNumeric.group(1) == null : INTEGERS.indexOf(to) >= INTEGERS.indexOf(from);
		}
		return FLOATS.contains(from) && FLOATS.contains(to) && FLOATS.indexOf(to) >= FLOATS.indexOf(from);
	}

	private static int scale(Matcher numeric) {
		return (numeric.group(2) != null) ? Integer.parseInt(numeric.group(2)) : 0;
	}

}
