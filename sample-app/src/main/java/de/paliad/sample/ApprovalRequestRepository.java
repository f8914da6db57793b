package de.paliad.sample;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes {@code approval_requests}, the table migrations 002, 004 and 006
 * shape.
 */
@Repository
public class ApprovalRequestRepository {

	private static final String COLUMNS = "id, project_id, title, requested_by, status, created_at, updated_at";

	private final JdbcClient jdbc;

	public ApprovalRequestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The newest requests first.
	 * @param limit how many at most
	 * @return the requests
	 */
	public List<ApprovalRequest> findRecent(int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM approval_requests ORDER BY id DESC LIMIT :limit")
			.param("limit", limit)
			.query(ApprovalRequestRepository::map)
			.list();
	}

	public Optional<ApprovalRequest> findById(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM approval_requests WHERE id = :id")
			.param("id", id)
			.query(ApprovalRequestRepository::map)
			.optional();
	}

	/**
	 * Files a request.
	 * @param request the request
	 * @return the stored request, or empty when the project does not exist
	 */
	public Optional<ApprovalRequest> create(NewApprovalRequest request) {
		// INSERT ... SELECT turns an unknown project into "no row" instead of a
		// foreign-key error to translate.
		return this.jdbc
			.sql("INSERT INTO approval_requests (project_id, title, requested_by)"
					+ " SELECT id, :title, :requestedBy FROM projects WHERE id = :projectId RETURNING " + COLUMNS)
			.param("projectId", request.projectId())
			.param("title", request.title())
			.param("requestedBy", request.requestedBy())
			.query(ApprovalRequestRepository::map)
			.optional();
	}

	private static ApprovalRequest map(ResultSet rs, int row) throws SQLException {
		return new ApprovalRequest(rs.getLong("id"), rs.getLong("project_id"), rs.getString("title"),
				rs.getString("requested_by"), rs.getString("status"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class));
	}

}
