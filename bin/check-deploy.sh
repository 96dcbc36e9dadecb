#!/usr/bin/env bash
# The container recipe and the Kubernetes manifests in deploy/, checked offline (part of make test):
#   1. kubernetes-validate --strict: every manifest against the Kubernetes API schemas of
#      KUBERNETES_VERSION (shipped with the package; unknown fields and wrong types fail);
#   2. checkov (dockerfile + kubernetes, no download, no API key) with deploy/.checkov.yaml: every
#      check passes or is skipped there / in a `checkov.io/skipN` annotation with its reason;
#   3. every file the Dockerfile copies from the repository exists, and every management command
#      the manifests run;
#   4. the proof that 1 and 2 fail: a Deployment with `replicas: "two"` and an unknown field, and
#      a privileged root container, must each be refused by the same commands.
# Each tool lives in a virtualenv of its own (.venv-kubernetes-validate, .venv-checkov; their
# pinned dependencies must not touch the test set), made here from requirements/deploy-*.txt and
# made again when that file changes.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
KUBERNETES_VERSION=${KUBERNETES_VERSION:-1.33.0}

tool_venv() {  # tool_venv DIR REQUIREMENTS: the virtualenv with exactly those pins
  local dir=$1 requirements=$2 stamp="$1/.requirements.txt"
  if [ ! -x "$dir/bin/python" ] || ! cmp -s "$requirements" "$stamp"; then
    rm -rf "$dir"
    "$PYTHON" -m venv "$dir"
    if ! "$dir/bin/pip" install --quiet --disable-pip-version-check --no-deps -r "$requirements" > "$dir.log" 2>&1; then
      cat "$dir.log" >&2
      exit 1
    fi
    rm -f "$dir.log"
    cp "$requirements" "$stamp"
  fi
}
tool_venv .venv-kubernetes-validate requirements/deploy-kubernetes-validate.txt
tool_venv .venv-checkov requirements/deploy-checkov.txt

manifests() { find "$1" -name '*.yaml' ! -name 'kustomization.yaml' ! -name '.checkov.yaml' | sort; }
validate_schemas() {  # every manifest under $1 against the schemas
  # shellcheck disable=SC2046
  .venv-kubernetes-validate/bin/kubernetes-validate --strict --quiet -k "$KUBERNETES_VERSION" $(manifests "$1")
}
static_analysis() {  # $1: a directory to scan
  # Offline: no policy download (--skip-download in the config), no look for a newer version.
  CKV_SKIP_PACKAGE_UPDATE_CHECK=true .venv-checkov/bin/checkov -d "$1" --config-file deploy/.checkov.yaml
}

started=$SECONDS
echo "-- kubernetes-validate --strict (Kubernetes $KUBERNETES_VERSION): $(manifests deploy/kubernetes | wc -l) files"
validate_schemas deploy/kubernetes
echo "   all manifests valid"

echo "-- checkov on deploy/ (Dockerfile and manifests)"
static_analysis deploy

echo "-- the checks refuse a broken manifest"
broken=$(mktemp -d)
trap 'rm -rf "$broken"' EXIT
mkdir "$broken/analysis"
# Schema: a string where a number belongs; a field Kubernetes does not know. Each alone must fail.
refuse_schema() {  # refuse_schema NAME SED-EXPRESSION
  mkdir "$broken/$1"
  sed -e "$2" deploy/kubernetes/web-deployment.yaml > "$broken/$1/web-deployment.yaml"
  cmp -s deploy/kubernetes/web-deployment.yaml "$broken/$1/web-deployment.yaml" && { echo "self-test: $1 changed nothing" >&2; exit 1; }
  if validate_schemas "$broken/$1" > "$broken/$1.log" 2>&1; then
    echo "kubernetes-validate accepted a broken Deployment ($1)" >&2
    exit 1
  fi
  echo "   refused as it should ($1): $(grep -o "did not validate.*" "$broken/$1.log" | head -n 1)"
}
refuse_schema 'replicas-two' 's/^  replicas: 2$/  replicas: "two"/'
refuse_schema 'unknown-field' 's/^  revisionHistoryLimit: 5$/  revisionHistoryLimit: 5\n  replica: 3/'
# Analysis: the web container privileged, as root, with a writable root file system.
sed -e 's/privileged: false/privileged: true/' -e 's/readOnlyRootFilesystem: true/readOnlyRootFilesystem: false/' \
  -e 's/runAsNonRoot: true/runAsNonRoot: false/' \
  deploy/kubernetes/web-deployment.yaml > "$broken/analysis/web-deployment.yaml"
if static_analysis "$broken/analysis" > "$broken/analysis.log" 2>&1; then
  echo "checkov accepted a privileged root container with a writable root file system" >&2
  exit 1
fi
echo "   refused as it should: checkov, $(grep -c '^Check: ' "$broken/analysis.log") failed checks on the privileged container"
echo "-- the files deploy/Dockerfile copies from the repository"
missing=0
while read -r source; do
  if [ ! -e "$source" ]; then echo "   MISSING: $source"; missing=1; fi
done < <(grep -E '^COPY ' deploy/Dockerfile | grep -v -- '--from=' | awk '{for (i = 2; i < NF; i++) print $i}')
[ "$missing" = 0 ] || { echo "deploy/Dockerfile copies files that do not exist" >&2; exit 1; }
echo "   all present"

echo "-- the management commands the manifests run exist"
for command in $(grep -ho '"/app/src/manage.py", "[a-z_]*"' deploy/kubernetes/*.yaml | awk -F'"' '{print $4}' | sort -u); do
  case "$command" in
    db_worker) found=$(.venv/bin/python -c 'import django_tasks_db, pathlib; print(pathlib.Path(django_tasks_db.__file__).parent / "management/commands/db_worker.py")') ;;
    *) found=$(ls src/plein/*/management/commands/"$command".py 2>/dev/null | head -n 1 || true) ;;
  esac
  if [ -z "$found" ] || [ ! -f "$found" ]; then echo "deploy/kubernetes runs manage.py $command, which does not exist" >&2; exit 1; fi
  echo "   $command"
done

echo "-- deploy checks: $((SECONDS - started)) s"
