package de.paliad.migration.maven;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GateDatabaseTests {

	@Test
	void theLoggedUrlLeavesOutAPasswordInTheQuery() {
		assertThat(GateDatabase.withoutSecrets("jdbc:postgresql://db:5432/gate?user=ci&password=s3cret&ssl=true"))
			.isEqualTo("jdbc:postgresql://db:5432/gate")
			.doesNotContain("s3cret");
	}

	@Test
	void theLoggedUrlLeavesOutUserInfo() {
		assertThat(GateDatabase.withoutSecrets("jdbc:postgresql://ci:s3cret@db:5432/gate"))
			.isEqualTo("jdbc:postgresql://db:5432/gate");
	}

	@Test
	void anExternalDatabaseIsDescribedWithoutItsPassword() {
		GateDatabase database = GateDatabase.external("jdbc:postgresql://db/gate?password=s3cret", "ci", "s3cret");
		assertThat(database.description()).isEqualTo("jdbc:postgresql://db/gate as ci").doesNotContain("s3cret");
		assertThat(database.isEmbedded()).isFalse();
	}

	@Test
	void aPlainUrlIsLoggedAsIs() {
		assertThat(GateDatabase.withoutSecrets("jdbc:postgresql://localhost/gate"))
			.isEqualTo("jdbc:postgresql://localhost/gate");
	}

}
