package de.paliad.migration.core;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One top-level statement of a SQL script, as found by {@link SqlLexer#split(String)}.
 *
 * @param text the statement's source text exactly as written, from its first token to its
 * last token: without the terminating {@code ;} and without comments before the first or
 * after the last token; comments between tokens are kept
 * @param line the 1-based line in the script where the statement's first token starts
 * @param words every unquoted keyword or identifier of the statement, upper-cased, in
 * order; nothing from inside strings, dollar-quoted bodies, quoted identifiers or
 * comments, and no numbers, parameters or operators
 */
record SqlStatement(String text, int line, List<String> words) {

	SqlStatement {
		Objects.requireNonNull(text, "text");
		words = List.copyOf(words);
	}

	/**
	 * @return the first word, or {@code ""} if the statement has no words (e.g.
	 * {@code (1)})
	 */
	String firstWord() {
		return this.words.isEmpty() ? "" : this.words.get(0);
	}

	/**
	 * @param upperCaseWord the word to look for; lower-case input is tolerated
	 * @return whether the word occurs anywhere in the statement's words
	 */
	boolean hasWord(String upperCaseWord) {
		return this.words.contains(upperCaseWord.toUpperCase(Locale.ROOT));
	}

	/**
	 * Whether the given words occur as consecutive words, e.g.
	 * {@code "START", "TRANSACTION"}. Comments, strings and other non-word tokens between
	 * them are skipped, so {@code CREATE UNIQUE INDEX} does not contain
	 * {@code CREATE, INDEX}.
	 * @param upperCaseWords the sequence to look for; lower-case input is tolerated
	 * @return whether the sequence occurs; {@code true} for an empty sequence
	 */
	boolean hasWordSequence(String... upperCaseWords) {
		for (int start = 0; start + upperCaseWords.length <= this.words.size(); start++) {
			if (sequenceStartsAt(start, upperCaseWords)) {
				return true;
			}
		}
		return false;
	}

	private boolean sequenceStartsAt(int start, String[] upperCaseWords) {
		for (int i = 0; i < upperCaseWords.length; i++) {
			if (!this.words.get(start + i).equals(upperCaseWords[i].toUpperCase(Locale.ROOT))) {
				return false;
			}
		}
		return true;
	}

}
