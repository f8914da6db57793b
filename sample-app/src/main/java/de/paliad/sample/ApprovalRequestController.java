package de.paliad.sample;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/approval-requests}: list, read and file approval requests.
 */
@RestController
@RequestMapping("/api/approval-requests")
public class ApprovalRequestController {

	private static final int MAX_TITLE_LENGTH = 200;

	private final ApprovalRequestRepository repository;

	public ApprovalRequestController(ApprovalRequestRepository repository) {
		this.repository = repository;
	}

	@GetMapping
	public List<ApprovalRequest> list(@RequestParam(name = "limit", defaultValue = "50") int limit) {
		if (limit < 1 || limit > 500) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be between 1 and 500");
		}
		return this.repository.findRecent(limit);
	}

	@GetMapping("/{id}")
	public ApprovalRequest get(@PathVariable("id") long id) {
		return this.repository.findById(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no approval request " + id));
	}

	@PostMapping
	public ResponseEntity<ApprovalRequest> create(@RequestBody NewApprovalRequest request) {
		validate(request);
		ApprovalRequest created = this.repository.create(request)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT,
					"project " + request.projectId() + " does not exist"));
		return ResponseEntity.created(URI.create("/api/approval-requests/" + created.id())).body(created);
	}

	// Checked here rather than left to the CHECK constraints, so a client gets 400 and a
	// reason, not 500.
	private static void validate(NewApprovalRequest request) {
		if (request.projectId() == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "projectId is required");
		}
		if (request.title() == null || request.title().isBlank() || request.title().length() > MAX_TITLE_LENGTH) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"title is required and at most " + MAX_TITLE_LENGTH + " characters");
		}
		if (request.requestedBy() == null || request.requestedBy().isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "requestedBy is required");
		}
	}

}
