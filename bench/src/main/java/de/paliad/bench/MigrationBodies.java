package de.paliad.bench;

/**
 * The SQL of generated migration {@code v}: small, realistic DDL and DML in groups of
 * ten. The first of each group ({@code v % 10 == 1}) creates a feature table with an
 * index and seed rows; the other nine add a column and backfill it, insert and update
 * rows, add a partial index and a view, a trigger function, or a validated check
 * constraint on that table. Only the group's first migration is depended on, so any other
 * one (the last, or the middle one of scenario (d)) can be left out and applied later,
 * out of order.
 */
final class MigrationBodies {

	private MigrationBodies() {
	}

	/**
	 * Whether migration {@code v} has a dollar-quoted body (Liquibase must not split it).
	 */
	static boolean hasFunctionBody(long v) {
		return v % 10 == 7;
	}

	static String name(long v) {
		return switch ((int) (v % 10)) {
			case 1 -> "create_feature_" + anchor(v);
			case 2, 5, 8 -> "add_column_" + v + "_to_feature_" + anchor(v);
			case 3, 6 -> "backfill_feature_" + anchor(v) + "_rows_" + v;
			case 4, 9 -> "index_and_report_view_" + v;
			case 7 -> "guard_feature_" + anchor(v) + "_amounts";
			default -> "check_feature_" + anchor(v) + "_amount_" + v;
		};
	}

	static String body(long v) {
		long a = anchor(v);
		String t = "feature_" + a;
		return switch ((int) (v % 10)) {
			case 1 -> """
					-- Feature %2$d gets its own table.
					CREATE TABLE %1$s (
						id         bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
						name       text          NOT NULL,
						status     text          NOT NULL DEFAULT 'new',
						amount     numeric(12,2) NOT NULL DEFAULT 0,
						created_at timestamptz   NOT NULL DEFAULT now()
					);
					CREATE INDEX %1$s_status_idx ON %1$s (status);
					INSERT INTO %1$s (name, amount)
					SELECT 'seed ' || g, g FROM generate_series(1, 20) AS g;
					""".formatted(t, a);
			case 2, 5, 8 -> """
					-- A new optional attribute, backfilled for the rows that need it.
					ALTER TABLE %1$s ADD COLUMN attr_%2$d text;
					UPDATE %1$s SET attr_%2$d = upper(name) WHERE amount > 5;
					COMMENT ON COLUMN %1$s.attr_%2$d IS 'Added by migration %2$d';
					""".formatted(t, v);
			case 3, 6 -> """
					-- Data fix-up shipped with release %2$d.
					INSERT INTO %1$s (name, status, amount)
					VALUES ('imported %2$d a', 'new', 1.50), ('imported %2$d b', 'done', 2.50);
					UPDATE %1$s SET status = 'done' WHERE name = 'seed %3$d' AND status = 'new';
					""".formatted(t, v, v % 20 + 1);
			case 4, 9 -> """
					-- Speeds up the open-items query and adds a report view.
					CREATE INDEX %1$s_open_%2$d_idx ON %1$s (created_at) WHERE status = 'new';
					CREATE VIEW report_%2$d AS
					SELECT status, count(*) AS items, sum(amount) AS total FROM %1$s GROUP BY status;
					""".formatted(t, v);
			case 7 -> """
					-- Negative amounts are clamped to zero whoever writes the row.
					CREATE FUNCTION clamp_amount_%2$d() RETURNS trigger
						LANGUAGE plpgsql
					AS $$
					BEGIN
						IF NEW.amount < 0 THEN
							NEW.amount := 0;
						END IF;
						RETURN NEW;
					END;
					$$;
					CREATE TRIGGER %1$s_clamp_%2$d BEFORE INSERT OR UPDATE ON %1$s
						FOR EACH ROW EXECUTE FUNCTION clamp_amount_%2$d();
					""".formatted(t, v);
			default -> """
					-- Enforce the rule without a long lock: add NOT VALID, then validate.
					ALTER TABLE %1$s ADD CONSTRAINT %1$s_amount_%2$d_check CHECK (amount >= 0) NOT VALID;
					ALTER TABLE %1$s VALIDATE CONSTRAINT %1$s_amount_%2$d_check;
					""".formatted(t, v);
		};
	}

	private static long anchor(long v) {
		return v - (v - 1) % 10;
	}

}
