/**
 * Auto-configuration of the boot-time migrator: wiring only. The auto-configurations, the
 * properties, the initializer and its database-initializer detector, the strategy a user
 * may replace, and the health defaults.
 */
@NullMarked
package de.paliad.migration.autoconfigure;

import org.jspecify.annotations.NullMarked;
