#!/usr/bin/env bash
# CI step 3: the image, tagged with an immutable version (the commit), pushed to the
# registry the Swarm pulls from. Runs only after the tests and the gate passed.
#
# Environment:
#   APP_IMAGE    repository, e.g. mgit.example.com/paliad/app (required)
#   APP_VERSION  tag (default: the commit SHA; never `latest`)
#   IMAGE_BUILD_ARGS  extra `docker build` arguments, e.g. "--build-arg BASE_IMAGE=..."
#   IMAGE_PUSH   1 (default) to push, 0 to only build (the e2e builds locally)
#   DOCKER       the docker client (default docker)
set -euo pipefail
shopt -s inherit_errexit
root=$(cd "$(dirname "$0")/../../.." && pwd)
docker=${DOCKER:-docker}

image=${APP_IMAGE:?set APP_IMAGE}
version=${APP_VERSION:-$(git -C "$root" rev-parse HEAD)}
if [ "$version" = "latest" ]; then
	echo "image.sh: refusing the tag 'latest': a rollback needs an immutable tag" >&2
	exit 64
fi
read -r -a build_args <<<"${IMAGE_BUILD_ARGS:-}"

"$docker" build "${build_args[@]}" -t "$image:$version" -f "$root/sample-app/Dockerfile" "$root/sample-app"
if [ "${IMAGE_PUSH:-1}" = "1" ]; then
	"$docker" push "$image:$version"
fi
echo "image: $image:$version"
