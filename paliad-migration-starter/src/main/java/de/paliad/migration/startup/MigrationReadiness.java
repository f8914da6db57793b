package de.paliad.migration.startup;

import de.paliad.migration.status.MigrationStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;

/**
 * Keeps the application's {@link ReadinessState} at {@code REFUSING_TRAFFIC} while the
 * migrations are not applied: Spring Boot publishes {@code ACCEPTING_TRAFFIC} once the
 * application is ready, and this listener answers with {@code REFUSING_TRAFFIC}; when a
 * retry applies the migrations later it publishes {@code ACCEPTING_TRAFFIC}. Liveness is
 * never touched: a failed migration is no reason to restart the process.
 * <p>
 * It depends on {@link ApplicationAvailability} so that Spring Boot's availability bean
 * is registered as a listener before this one and records Boot's event before this one
 * overrides it.
 */
public final class MigrationReadiness implements ApplicationListener<AvailabilityChangeEvent<ReadinessState>> {

	private static final Logger logger = LoggerFactory.getLogger(MigrationReadiness.class);

	private final MigrationStatus status;

	private final ApplicationAvailability availability;

	private final ApplicationEventPublisher publisher;

	private boolean applicationReady;

	/**
	 * Creates the listener.
	 * @param status the migration status
	 * @param availability Spring Boot's availability
	 * @param publisher where the readiness events go
	 */
	public MigrationReadiness(MigrationStatus status, ApplicationAvailability availability,
			ApplicationEventPublisher publisher) {
		this.status = status;
		this.availability = availability;
		this.publisher = publisher;
	}

	@Override
	public synchronized void onApplicationEvent(AvailabilityChangeEvent<ReadinessState> event) {
		if (event.getState() != ReadinessState.ACCEPTING_TRAFFIC || event.getSource() == this) {
			return;
		}
		this.applicationReady = true;
		if (!this.status.isApplied()) {
			logger.warn("Readiness stays REFUSING_TRAFFIC: the migrations are not applied (state {})",
					this.status.snapshot().state());
			AvailabilityChangeEvent.publish(this.publisher, this, ReadinessState.REFUSING_TRAFFIC);
		}
	}

	/**
	 * The migrations were applied after the application started; accept traffic if Spring
	 * Boot already declared the application ready (otherwise it will).
	 */
	public synchronized void migrationsApplied() {
		if (this.applicationReady && this.availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
			AvailabilityChangeEvent.publish(this.publisher, this, ReadinessState.ACCEPTING_TRAFFIC);
		}
	}

}
