#!/usr/bin/env bash
# CI step 4: the deploy, only on green (the pipelines run it after the gate and the image).
# Either deploys the stack itself (DEPLOY_VIA=stack, default: `docker stack deploy` on the
# Swarm manager that DOCKER_HOST names, e.g. ssh://deploy@manager) or triggers Dokploy's
# deploy webhook and watches the rollout Dokploy starts (DEPLOY_VIA=dokploy). Both exit
# with compose/swarm/deploy.sh's verdict: 0 only when Swarm completed the update.
#
# Environment:
#   APP_VERSION   the tag to deploy (default: the commit SHA)
#   DEPLOY_VIA    stack | dokploy
#   DOKPLOY_WEBHOOK_URL  Dokploy's deploy webhook (DEPLOY_VIA=dokploy)
#   DEPLOY_SSH_KEY, DEPLOY_SSH_KNOWN_HOSTS  for DOCKER_HOST=ssh://... (optional)
#   and everything compose/swarm/deploy.sh and the stack file read (STACK_NAME, APP_IMAGE, ...)
set -euo pipefail
shopt -s inherit_errexit
root=$(cd "$(dirname "$0")/../../.." && pwd)

version=${APP_VERSION:-$(git -C "$root" rev-parse HEAD)}

# The runner reaches the Swarm manager over SSH; the key lives in the CI's secrets.
if [ -n "${DEPLOY_SSH_KEY:-}" ]; then
	install -d -m 700 "$HOME/.ssh"
	printf '%s\n' "$DEPLOY_SSH_KEY" >"$HOME/.ssh/id_deploy"
	chmod 600 "$HOME/.ssh/id_deploy"
	printf '%s\n' "${DEPLOY_SSH_KNOWN_HOSTS:?set DEPLOY_SSH_KNOWN_HOSTS with the manager host key}" >>"$HOME/.ssh/known_hosts"
	printf 'Host *\n  IdentityFile ~/.ssh/id_deploy\n' >>"$HOME/.ssh/config"
fi

case "${DEPLOY_VIA:-stack}" in
stack)
	exec "$root/compose/swarm/deploy.sh" "$version"
	;;
dokploy)
	curl -fsS -X POST "${DOKPLOY_WEBHOOK_URL:?set DOKPLOY_WEBHOOK_URL}" >/dev/null
	exec "$root/compose/swarm/deploy.sh" --watch-only "$version"
	;;
*)
	echo "deploy.sh: DEPLOY_VIA must be stack or dokploy, not '${DEPLOY_VIA}'" >&2
	exit 64
	;;
esac
