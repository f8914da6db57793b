package de.paliad.sample;

import java.time.OffsetDateTime;

/**
 * An approval request as the API returns it.
 *
 * @param id the id
 * @param projectId the project it was filed against
 * @param title what is to be approved
 * @param requestedBy who asked
 * @param status {@code pending}, {@code approved}, {@code rejected} or {@code withdrawn}
 * @param createdAt when it was filed
 * @param updatedAt when it last changed
 */
public record ApprovalRequest(long id, long projectId, String title, String requestedBy, String status,
		OffsetDateTime createdAt, OffsetDateTime updatedAt) {

}
