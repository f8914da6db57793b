package de.paliad.bench;

import java.util.List;

/**
 * Medians and ratios for the tables.
 */
final class Stats {

	private Stats() {
	}

	static double median(List<Long> values) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		List<Long> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
	}

	static String ms(double value) {
		return Double.isNaN(value) ? "–" : String.format("%,.0f", value);
	}

	static String ratio(double numerator, double denominator) {
		if (Double.isNaN(numerator) || Double.isNaN(denominator) || denominator == 0) {
			return "–";
		}
		return String.format("%.2f×", numerator / denominator);
	}

	static String mib(double kib) {
		return Double.isNaN(kib) || kib < 0 ? "–" : String.format("%,.0f", kib / 1024);
	}

}
