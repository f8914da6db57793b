package de.paliad.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import static de.paliad.deploy.DeployFiles.list;

/**
 * The manifests under {@code compose/kubernetes/} read as the Kubernetes API types (the
 * fabric8 model), strictly: a field the API does not have fails, where the model alone
 * would collect it in {@code additionalProperties}. Resources come from the
 * kustomizations' {@code resources:} lists, so a file that is not listed is not deployed
 * and not tested either. {@code edit} rewrites a file's text before parsing (the tests
 * break each promise that way).
 */
record KubernetesManifests(Deployment deployment, Service service, PodDisruptionBudget pdb, Job job) {

	static final String BASE = "compose/kubernetes/base";

	static final String MIGRATE_JOB = "compose/kubernetes/migrate-job";

	/** The API type of each kind the manifests use; any other kind fails. */
	private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.of("Deployment", Deployment.class,
			"Service", Service.class, "PodDisruptionBudget", PodDisruptionBudget.class, "Job", Job.class);

	static KubernetesManifests load() {
		return load(Map.of());
	}

	/** edits: file (relative to the repository) -> how to rewrite its text first. */
	static KubernetesManifests load(Map<String, UnaryOperator<String>> edits) {
		Map<String, HasMetadata> byKind = new LinkedHashMap<>();
		for (String file : resources(MIGRATE_JOB)) {
			String text = DeployFiles.read(DeployFiles.file(file));
			text = edits.getOrDefault(file, UnaryOperator.identity()).apply(text);
			HasMetadata resource = parse(text, file);
			if (byKind.put(resource.getKind(), resource) != null) {
				throw new AssertionError("two resources of kind " + resource.getKind());
			}
		}
		return new KubernetesManifests((Deployment) byKind.get("Deployment"), (Service) byKind.get("Service"),
				(PodDisruptionBudget) byKind.get("PodDisruptionBudget"), (Job) byKind.get("Job"));
	}

	/** The files a kustomization deploys, its bases' included, as repository paths. */
	static List<String> resources(String kustomizationDir) {
		Map<String, Object> kustomization = DeployFiles.yaml(kustomizationDir + "/kustomization.yaml");
		return list(kustomization.get("resources"), kustomizationDir + " resources").stream()
			.map(String::valueOf)
			.flatMap((resource) -> {
				String path = java.nio.file.Path.of(kustomizationDir).resolve(resource).normalize().toString();
				if (java.nio.file.Files.isDirectory(DeployFiles.file(path))) {
					return resources(path).stream();
				}
				return java.util.stream.Stream.of(path);
			})
			.toList();
	}

	static HasMetadata parse(String yaml, String what) {
		try {
			String kind = String.valueOf(DeployFiles.map(new org.yaml.snakeyaml.Yaml().load(yaml), what).get("kind"));
			Class<? extends HasMetadata> type = TYPES.get(kind);
			if (type == null) {
				throw new AssertionError(what + ": unexpected kind " + kind);
			}
			return strictMapper().readValue(yaml, type);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(what + " does not match the Kubernetes API: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Jackson for the fabric8 model, strict: unknown fields and duplicate keys fail. The
	 * model's {@code @JsonAnySetter additionalProperties} (which would swallow any
	 * unknown field) is switched off, so FAIL_ON_UNKNOWN_PROPERTIES applies to every
	 * type.
	 */
	static ObjectMapper strictMapper() {
		ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
		mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
		mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
		mapper.configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
		mapper.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {

			@Override
			public Boolean hasAnySetter(Annotated annotated) {
				return Boolean.FALSE;
			}

			@Override
			@SuppressWarnings("deprecation")
			public boolean hasAnySetterAnnotation(AnnotatedMethod method) {
				return false;
			}

		});
		return mapper;
	}

}
