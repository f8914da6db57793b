# shellcheck shell=bash
# The e2e's images, all built on this machine (no registry is reachable; SWARM-LAB.md).
# Sourced by run.sh; expects DOCKER, E2E_DIR, E2E_WORK, ROOT.
#
# Base images (a JRE with curl, PostgreSQL 15, HAProxy) come from Debian packages via
# mmdebstrap + docker import. They are cached: each tag carries a hash of its recipe, and
# an image that exists already is not rebuilt. The app images (v1..v5) are rebuilt every
# run from the jar the build just made.

SUITE=bookworm
IMAGE_PREFIX=paliad-e2e

# Hash of a recipe (strings and file contents), short enough for a tag.
recipe_hash() {
	local part
	for part in "$@"; do
		if [ -f "$part" ]; then cat "$part"; else printf '%s\n' "$part"; fi
	done | sha256sum | cut -c1-12
}

image_exists() {
	"$DOCKER" image inspect "$1" >/dev/null 2>&1
}

# After a recipe changed: drops the other tags of the same repository, so the cache
# holds one version of each base image.
drop_other_tags() {
	local tag=$1 other
	for other in $("$DOCKER" images --format '{{.Repository}}:{{.Tag}}' "${tag%:*}"); do
		[ "$other" = "$tag" ] || "$DOCKER" image rm "$other" >/dev/null 2>&1 || true
	done
}

# A Debian rootfs with the given packages, imported as an image. Prints its tag. Built
# into a file first, so a failed build never leaves an (empty) image under a cached tag.
rootfs_image() {
	local name=$1 packages=$2 tag tar
	tag="$IMAGE_PREFIX/rootfs-$name:$(recipe_hash "$SUITE" "$packages" v2)"
	if ! image_exists "$tag"; then
		tar="$E2E_WORK/rootfs-$name.tar"
		# Docs, man pages and translations are dead weight in a container; removed after
		# installation, since maintainer scripts may expect their directories.
		mmdebstrap --variant=apt --include="$packages" \
			--customize-hook='rm -rf "$1"/usr/share/doc/* "$1"/usr/share/man/* "$1"/usr/share/locale/*' \
			"$SUITE" "$tar" >>"$E2E_WORK/mmdebstrap-$name.log" 2>&1
		"$DOCKER" import "$tar" "$tag" >/dev/null
		rm -f "$tar"
		drop_other_tags "$tag"
	fi
	echo "$tag"
}

# An image from one of images/<dir>/Dockerfile on top of a rootfs image. Prints its tag.
derived_image() {
	local dir=$1 rootfs=$2 tag
	tag="$IMAGE_PREFIX/$dir:$(recipe_hash "$rootfs" "$E2E_DIR/images/$dir"/*)"
	if ! image_exists "$tag"; then
		build -t "$tag" --build-arg "ROOTFS_IMAGE=$rootfs" "$E2E_DIR/images/$dir" >/dev/null
		drop_other_tags "$tag"
	fi
	echo "$tag"
}

# The classic builder: everything is local, nothing to pull, no BuildKit needed. The
# label lets the cleanup prune exactly this test's leftovers.
build() {
	DOCKER_BUILDKIT=0 "$DOCKER" build -q --label paliad-e2e=1 "$@" 2>>"$E2E_WORK/build.log"
}

# Sets JRE_IMAGE, POSTGRES_IMAGE, ROUTER_IMAGE. One rootfs after the other: in parallel
# they contend for the 2 cores and the mirror, and take longer in all.
build_base_images() {
	JRE_IMAGE=$(rootfs_image jre "openjdk-17-jre-headless,curl,ca-certificates")
	POSTGRES_IMAGE=$(derived_image postgres "$(rootfs_image postgres "postgresql-15")")
	ROUTER_IMAGE=$(derived_image router "$(rootfs_image router "haproxy")")
}

# The releases the scenarios deploy: the sample app's image (its own Dockerfile, on the
# JRE image) plus extra migrations baked in under /app/extra-migrations.
#   v1  the jar as built                          (001..006)
#   v2  + 007 add a column (expand only)          rolls forward
#   v3  v2 + 008 uses a column 006 dropped        the seed's incident: rolls back
#   v4  v2 + 009 violates a constraint, on-failure=exit: the JVM exits during boot
#   v5  v2 + 010 blocked by a lock the test holds: boots, never ready
build_release_images() {
	APP_BASE_IMAGE="$IMAGE_PREFIX/sample-app:base"
	# The pipelines' own image step, without the push (no registry here).
	APP_IMAGE="$IMAGE_PREFIX/sample-app" APP_VERSION=base IMAGE_PUSH=0 DOCKER_BUILDKIT=0 \
		IMAGE_BUILD_ARGS="-q --label paliad-e2e=1 --build-arg BASE_IMAGE=$JRE_IMAGE" \
		"$ROOT/compose/ci/steps/image.sh" >/dev/null 2>>"$E2E_WORK/build.log"
	"$DOCKER" tag "$APP_BASE_IMAGE" "$IMAGE_PREFIX/sample-app:v1"
	release_image v2 unready v2
	release_image v3 unready v2 v3
	release_image v4 exit v2 v4
	release_image v5 unready v2 v5
}

# release_image <tag> <on-failure> <releases/ folders whose migrations it carries...>
release_image() {
	local tag=$1 on_failure=$2 context
	shift 2
	context="$E2E_WORK/release-$tag"
	rm -rf "$context"
	mkdir -p "$context/migrations"
	cp "$E2E_DIR/images/release/Dockerfile" "$context/"
	for folder in "$@"; do
		cp "$E2E_DIR/releases/$folder"/*.sql "$context/migrations/"
	done
	build -t "$IMAGE_PREFIX/sample-app:$tag" --build-arg "APP_IMAGE=$APP_BASE_IMAGE" \
		--build-arg "ON_FAILURE=$on_failure" "$context" >/dev/null
}

remove_release_images() {
	local tag
	for tag in v1 v2 v3 v4 v5 base; do
		"$DOCKER" image rm -f "$IMAGE_PREFIX/sample-app:$tag" >/dev/null 2>&1 || true
	done
	# Untagged layers of earlier app builds; the cached base images keep their tags.
	"$DOCKER" image prune -f --filter label=paliad-e2e=1 >/dev/null 2>&1 || true
}

# Everything an e2e deploys: the sample jar (built when missing), the base images and the
# release images v1..v5, each step timed.
build_e2e_images() {
	local jar step
	jar=$(ls "$ROOT"/sample-app/target/sample-app-*.jar 2>/dev/null | grep -v -- '-tests.jar' | head -n 1 || true)
	if [ -z "$jar" ]; then
		echo "building the sample jar"
		(cd "$ROOT" && ./mvnw -q -B -ntp -DskipTests -pl sample-app -am package)
	fi
	step=$SECONDS
	build_base_images
	echo "base images ready in $((SECONDS - step))s: $JRE_IMAGE $POSTGRES_IMAGE $ROUTER_IMAGE"
	step=$SECONDS
	build_release_images
	echo "app images v1..v5 built in $((SECONDS - step))s"
}
