package de.paliad.migration.autoconfigure.app;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application endpoint that reads a migrated table.
 */
@RestController
class ItemsController {

	private final JdbcTemplate jdbc;

	ItemsController(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/items")
	List<String> items() {
		return this.jdbc.queryForList("SELECT name FROM items ORDER BY id", String.class);
	}

}
