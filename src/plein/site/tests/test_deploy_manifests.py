"""Issue 14: the Kubernetes manifests in deploy/ agree with the application. bin/check-deploy.sh
checks them against Kubernetes' schemas and checkov; this checks what those tools cannot know:
every setting the manifests give is one Plein reads, every required production setting is given,
the probes ask the probe paths, the commands exist, and the names that tie the objects together
(Service -> pods, Ingress -> Service, ports) match. No database, no network."""

import ast
import re
from pathlib import Path

import pytest
import yaml
from django.core.management import get_commands

from plein.common import health

ROOT = Path(__file__).resolve().parents[4]
KUBERNETES = ROOT / "deploy" / "kubernetes"
# Where Plein reads its environment: the settings, gunicorn's settings, the start script, tracing.
READERS = [
    *sorted((ROOT / "src" / "plein" / "conf").glob("*.py")),
    ROOT / "src" / "gunicorn.conf.py",
    ROOT / "bin" / "docker-start.sh",
    ROOT / "src" / "plein" / "common" / "tracing.py",
]


def _required() -> set[str]:
    """plein.conf.production's REQUIRED (importing it here would refuse: nothing is set)."""
    tree = ast.parse((ROOT / "src" / "plein" / "conf" / "production.py").read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "REQUIRED":
            return set(ast.literal_eval(node.value))
    raise AssertionError("REQUIRED not found in plein/conf/production.py")


def _objects():
    found = []
    for path in sorted(KUBERNETES.glob("*.yaml")):
        if path.name == "kustomization.yaml":
            continue
        found += [(path.name, doc) for doc in yaml.safe_load_all(path.read_text()) if doc]
    return found


OBJECTS = _objects()


def _of_kind(kind):
    return [doc for _name, doc in OBJECTS if doc["kind"] == kind]


def _pod_spec(doc):
    if doc["kind"] == "CronJob":
        return doc["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    return doc["spec"]["template"]["spec"]


def _containers():
    return [(doc, c) for doc in OBJECTS_WITH_PODS for c in _pod_spec(doc)["containers"]]


OBJECTS_WITH_PODS = [doc for _name, doc in OBJECTS if doc["kind"] in ("Deployment", "Job", "CronJob")]


def _read_by_plein(name: str) -> bool:
    text = "\n".join(path.read_text() for path in READERS)
    return bool(re.search(rf"[\"'{{]{re.escape(name)}[\"'}}:-]", text))


def test_every_setting_given_is_one_plein_reads_and_every_required_one_is_given():
    (config,) = _of_kind("ConfigMap")
    (secret,) = _of_kind("Secret")
    given = set(config["data"]) | set(secret["stringData"])
    for _doc, container in _containers():
        given |= {item["name"] for item in container.get("env", [])}
        for source in container.get("envFrom", []):
            ref = source.get("configMapRef") or source.get("secretRef")
            assert ref["name"] in (config["metadata"]["name"], secret["metadata"]["name"])
    unread = sorted(name for name in given if not _read_by_plein(name))
    assert unread == [], f"the manifests set variables Plein does not read: {unread}"
    assert _required() <= set(config["data"]) | set(secret["stringData"])
    assert config["data"]["DJANGO_SETTINGS_MODULE"] == "plein.conf.production"


def test_commands_exist_and_the_migration_job_migrates_while_web_pods_only_wait():
    commands = get_commands()
    for doc, container in _containers():
        command = container.get("command")
        if command is None:  # the image's entry point: bin/docker-start.sh
            assert doc["kind"] == "Deployment"
            continue
        assert command[:2] == ["python", "/app/src/manage.py"], command
        assert command[2] in commands, f"{doc['metadata']['name']} runs manage.py {command[2]}, which does not exist"
    (job,) = _of_kind("Job")
    assert _pod_spec(job)["containers"][0]["command"][2] == "migrate_once"
    scheduled = {_pod_spec(c)["containers"][0]["command"][2] for c in _of_kind("CronJob")}
    assert scheduled == {"send_reminders", "send_case_digest", "apply_retention", "fail_abandoned_tasks"}


@pytest.fixture
def web():
    (web,) = [d for d in _of_kind("Deployment") if d["metadata"]["labels"]["app.kubernetes.io/component"] == "web"]
    return web


def test_web_probes_ask_the_probe_paths_on_the_served_port(web):
    (container,) = _pod_spec(web)["containers"]
    env = {item["name"]: item.get("value") for item in container.get("env", [])}
    assert env["PLEIN_MIGRATE_ON_START"] == "0"  # the migration Job migrates
    assert container["readinessProbe"]["httpGet"]["path"] == health.READYZ_PATH
    assert container["livenessProbe"]["httpGet"]["path"] == health.LIVEZ_PATH
    assert container["startupProbe"]["httpGet"]["path"] == health.LIVEZ_PATH
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    for probe in ("readinessProbe", "livenessProbe", "startupProbe"):
        assert container[probe]["httpGet"]["port"] in ports
    (config,) = _of_kind("ConfigMap")
    assert ports["http"] == int(config["data"]["PORT"])  # docker-start.sh listens on PORT
    # Graceful stop: the pod waits for preStop and gunicorn's graceful timeout.
    sleep = int(container["lifecycle"]["preStop"]["exec"]["command"][1])
    assert _pod_spec(web)["terminationGracePeriodSeconds"] > sleep + int(config["data"]["PLEIN_GRACEFUL_TIMEOUT"])
    assert web["spec"]["replicas"] >= 2


def test_service_and_ingress_reach_the_web_pods(web):
    (service,) = _of_kind("Service")
    labels = web["spec"]["template"]["metadata"]["labels"]
    assert service["spec"]["selector"].items() <= labels.items()
    (container,) = _pod_spec(web)["containers"]
    assert {p["targetPort"] for p in service["spec"]["ports"]} <= {p["name"] for p in container["ports"]}
    (ingress,) = _of_kind("Ingress")
    (config,) = _of_kind("ConfigMap")
    for rule in ingress["spec"]["rules"]:
        assert rule["host"] in config["data"]["ALLOWED_HOSTS"].split(",")
        for path in rule["http"]["paths"]:
            backend = path["backend"]["service"]
            assert backend["name"] == service["metadata"]["name"]
            assert backend["port"]["name"] in {p["name"] for p in service["spec"]["ports"]}
