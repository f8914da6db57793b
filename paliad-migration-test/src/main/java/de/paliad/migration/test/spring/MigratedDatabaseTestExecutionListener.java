package de.paliad.migration.test.spring;

import de.paliad.migration.test.MigratedDatabase;
import de.paliad.migration.test.MigratedDatabase.CopyPer;

import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;
import org.springframework.test.context.support.DependencyInjectionTestExecutionListener;

/**
 * Closes the application context of a {@link MigratedDatabase} test class when the class
 * is done (or after each method, with {@link CopyPer#METHOD}), which drops its copy: the
 * context is the class's own anyway, so the test framework's context cache would only
 * keep the copy alive until the JVM exits. Registered in
 * {@code META-INF/spring.factories}.
 */
public final class MigratedDatabaseTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		// After DirtiesContextTestExecutionListener (3000), like it but for this
		// annotation.
		return 3100;
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		MigratedDatabase settings = settings(testContext);
		if (settings != null && settings.copyPer() == CopyPer.METHOD) {
			testContext.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
			testContext.setAttribute(DependencyInjectionTestExecutionListener.REINJECT_DEPENDENCIES_ATTRIBUTE,
					Boolean.TRUE);
		}
	}

	@Override
	public void afterTestClass(TestContext testContext) {
		if (settings(testContext) != null && testContext.hasApplicationContext()) {
			testContext.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
		}
	}

	private static MigratedDatabase settings(TestContext testContext) {
		return TestContextAnnotationUtils.findMergedAnnotation(testContext.getTestClass(), MigratedDatabase.class);
	}

}
