package de.paliad.migration.corpora;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The golden file format: only findings with a reason get in. */
class GoldenFindingsTests {

	@Test
	void findingsWithTheirReasonsAreReadAndCommentsAndBlankLinesIgnored() {
		assertThat(GoldenFindings.parse("expected-findings.txt",
				List.of("# header", "", "drop-column 0190_x.up.sql:12 public.t.c",
						"# why: the running version selects c", "add-enum-value 0191_y.up.sql:3 public.mood",
						"#  the old version cannot read the value")))
			.containsExactly("add-enum-value 0191_y.up.sql:3 public.mood", "drop-column 0190_x.up.sql:12 public.t.c");
	}

	@Test
	void aFindingWithoutItsReasonIsRejectedByLine() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> GoldenFindings.parse("harbor/expected-findings.txt",
					List.of("drop-column 0190_x.up.sql:12 public.t.c", "drop-table 0190_x.up.sql:14 public.u", "#  ")))
			.withMessageContaining(
					"harbor/expected-findings.txt has findings without the '# why this finding is right'")
			.withMessageContaining("line 1: drop-column 0190_x.up.sql:12 public.t.c")
			.withMessageContaining("line 2: drop-table 0190_x.up.sql:14 public.u");
	}

	@Test
	void aLineThatIsNotAFindingIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> GoldenFindings.parse("x.txt", List.of("drop-column public.t.c", "# why")))
			.withMessageContaining("x.txt line 1: 'drop-column public.t.c' is not '<rule-id> <file>:<line> <object>'");
	}

}
