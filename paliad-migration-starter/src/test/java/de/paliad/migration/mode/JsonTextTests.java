package de.paliad.migration.mode;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import de.paliad.migration.core.JsonText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonText}, the writer of the mode reports.
 */
class JsonTextTests {

	@Test
	void writesNestedValuesOnOneLine() {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("mode", "plan");
		value.put("exitCode", 0);
		value.put("ok", true);
		value.put("pending", List.of(Map.of("version", 20260520123000L)));
		value.put("error", null);
		assertThat(JsonText.write(value)).isEqualTo(
				"{\"mode\":\"plan\",\"exitCode\":0,\"ok\":true,\"pending\":[{\"version\":20260520123000}],\"error\":null}");
	}

	@Test
	void escapesWhatJsonRequires() {
		String tricky = "a \"quoted\" back\\slash\nnew line\ttab \u0001 ü";
		String json = JsonText.write(Map.of("text", tricky));
		assertThat(json).doesNotContain("\n").contains("\\u0001");
		assertThat((String) JsonPath.read(json, "$.text")).isEqualTo(tricky);
	}

	@Test
	void writesOtherValuesAsStrings() {
		assertThat(JsonText.write(Arrays.asList(Instant.parse("2026-05-20T12:30:00Z"), null)))
			.isEqualTo("[\"2026-05-20T12:30:00Z\",null]");
	}

}
