package de.paliad.sample;

/**
 * The body of {@code POST /api/approval-requests}.
 *
 * @param projectId the project to file against
 * @param title what is to be approved
 * @param requestedBy who asks
 */
public record NewApprovalRequest(Long projectId, String title, String requestedBy) {

}
