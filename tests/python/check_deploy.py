"""Checks the deployment files under deploy/ parse and hold what the
README promises: a compose file with a PKI step, three nodes and a
Prometheus scraping each; a Prometheus configuration and alert rules; a
Kubernetes StatefulSet with a persistent volume, rendered as apply.sh does,
whose secret files the node accepts as private key files.

    python check_deploy.py DEPLOY_DIR

Prints `deploy ok` and exits 0, or raises.
"""

import pathlib
import sys

import yaml


def main() -> None:
    deploy = pathlib.Path(sys.argv[1])
    compose = yaml.safe_load((deploy / "docker/compose.yaml").read_text())
    services = compose["services"]
    assert "federation --countries THA,KHM,VNM" in services["pki"]["command"][0], services["pki"]
    for country in ["tha", "khm", "vnm"]:
        node = services[country]
        assert node["command"] == ["run", "--config", f"/federation/{country}/liaison.toml"], node
        assert node["depends_on"]["pki"]["condition"] == "service_completed_successfully", node
        assert node["stop_signal"] == "SIGTERM", node
        assert node["build"]["dockerfile"] == "deploy/docker/Dockerfile", node
    prometheus = yaml.safe_load((deploy / "docker/prometheus.yml").read_text())
    targets = prometheus["scrape_configs"][0]["static_configs"][0]["targets"]
    assert targets == ["tha:7402", "khm:7402", "vnm:7402"], targets
    alerts = yaml.safe_load((deploy / "docker/alerts.yml").read_text())
    expressions = [rule["expr"] for rule in alerts["groups"][0]["rules"]]
    assert any("liaison_witness_alarm" in e for e in expressions), expressions
    assert any("liaison_certificate_expiry_timestamp_seconds" in e for e in expressions), expressions
    dockerfile = (deploy / "docker/Dockerfile").read_text()
    assert 'ENTRYPOINT ["liaison-node"]' in dockerfile

    template = (deploy / "k8s/liaison-node.yaml").read_text()
    rendered = template.replace("__COUNTRY__", "THA").replace("__country__", "tha")
    assert "__" not in rendered.replace("__COUNTRY__", "")
    service, statefulset = list(yaml.safe_load_all(rendered))
    assert service["kind"] == "Service" and service["spec"]["clusterIP"] == "None", service
    assert statefulset["kind"] == "StatefulSet", statefulset
    spec = statefulset["spec"]
    assert spec["replicas"] == 1 and spec["serviceName"] == "tha", spec
    claim = spec["volumeClaimTemplates"][0]
    assert claim["spec"]["accessModes"] == ["ReadWriteOnce"], claim
    container = spec["template"]["spec"]["containers"][0]
    assert container["args"] == ["run", "--config", "/etc/liaison/liaison.toml"], container
    mounts = {m["name"]: m["mountPath"] for m in container["volumeMounts"]}
    assert mounts == {"files": "/etc/liaison", "data": claim["metadata"]["name"] and "/var/lib/liaison"}, mounts
    secret = spec["template"]["spec"]["volumes"][0]["secret"]
    assert secret["secretName"] == "liaison-tha", secret
    # The node refuses private keys others can read, or root-owned ones its
    # group can write. Secret files are root's; with fsGroup the kubelet
    # gives the group read access on top of defaultMode.
    pod = spec["template"]["spec"]["securityContext"]
    assert pod["runAsNonRoot"] and pod["fsGroup"], pod
    mode = secret["defaultMode"] | 0o440
    assert mode & 0o037 == 0, oct(secret["defaultMode"])
    print("deploy ok")


if __name__ == "__main__":
    main()
