"""The GitHub side of the repository: workflows, Dependabot, issue forms, link-check config.

Schema checks use check-jsonschema's built-in schemas (they ship inside the package, so the
checks run offline); the security audit is zizmor in offline mode. Both are pinned in
requirements-test.txt. The rest are plain assertions on the YAML and TOML files.
Nothing from the project is imported.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from conftest import mkdocs_config

ROOT = Path(__file__).resolve().parent.parent
GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.y*ml"))
ISSUE_FORMS = sorted(p for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.y*ml") if p.stem != "config")
ISSUE_CONFIG = GITHUB / "ISSUE_TEMPLATE" / "config.yml"
DEPENDABOT = GITHUB / "dependabot.yml"
LYCHEE = ROOT / ".lychee.toml"
BIN = Path(sys.executable).parent

SHA_PIN = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"#\s*v\d+\.\d+\.\d+\s*$")
# Jobs that may hold a write permission, and which ones.
WRITE_ALLOWED = {("deploy.yml", "deploy"): {"pages", "id-token"}}
FORK_GUARDS = ("github.event.repository.fork == false", "github.repository_owner ==")


def tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.fail(f"{path} is missing: `make test` installs it from requirements-test.txt")
    return str(path)


def run_offline(*args: str) -> subprocess.CompletedProcess[str]:
    """Run a tool with every proxy pointed at a closed port, so any download attempt fails."""
    env = dict(os.environ)
    dead = "http://127.0.0.1:9"
    env.update(HTTP_PROXY=dead, HTTPS_PROXY=dead, ALL_PROXY=dead, http_proxy=dead, https_proxy=dead,
               all_proxy=dead, NO_PROXY="", no_proxy="", NO_COLOR="1")
    env.pop("GH_TOKEN", None)
    env.pop("GITHUB_TOKEN", None)
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    # YAML 1.1 reads a bare `on` key as the boolean True.
    on = workflow.get("on", workflow.get(True))
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    return on or {}


def steps(workflow: dict):
    for job_id, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield job_id, step


def ids(paths: list[Path]) -> list[str]:
    return [p.name for p in paths]


def test_the_expected_files_exist():
    names = {p.name for p in WORKFLOWS}
    assert {"pull-request.yml", "deploy.yml", "links.yml"} <= names
    assert {p.name for p in ISSUE_FORMS} >= {"suggest-resource.yml", "report-problem.yml", "request-translation.yml"}
    for path in (ISSUE_CONFIG, DEPENDABOT, LYCHEE, GITHUB / "pull_request_template.md", ROOT / ".pre-commit-config.yaml"):
        assert path.is_file(), path


# --- schemas (check-jsonschema, offline) -------------------------------------------------------

@pytest.mark.parametrize("path", WORKFLOWS, ids=ids(WORKFLOWS))
def test_workflow_matches_schema(path: Path):
    result = run_offline(tool("check-jsonschema"), "--no-cache", "--builtin-schema", "vendor.github-workflows", str(path))
    assert result.returncode == 0, result.stdout + result.stderr


def test_dependabot_matches_schema():
    result = run_offline(tool("check-jsonschema"), "--no-cache", "--builtin-schema", "vendor.dependabot", str(DEPENDABOT))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", ISSUE_FORMS, ids=ids(ISSUE_FORMS))
def test_issue_form_matches_schema(path: Path):
    result = run_offline(tool("check-jsonschema"), "--no-cache", "--builtin-schema", "vendor.github-issue-forms", str(path))
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_chooser_config_matches_schema():
    result = run_offline(tool("check-jsonschema"), "--no-cache", "--builtin-schema", "vendor.github-issue-config",
                         str(ISSUE_CONFIG))
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_check_rejects_a_broken_workflow(tmp_path: Path):
    """The schema check is not vacuous: a job without runs-on or steps is refused."""
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  build:\n    name: no runner, no steps\n", encoding="utf-8")
    result = run_offline(tool("check-jsonschema"), "--no-cache", "--builtin-schema", "vendor.github-workflows", str(broken))
    assert result.returncode == 1, result.stdout + result.stderr


# --- security audit (zizmor, offline) ------------------------------------------------------------

def test_zizmor_finds_nothing_in_the_workflows():
    result = run_offline(tool("zizmor"), "--offline", "--no-progress", ".github/workflows")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout, result.stdout + result.stderr


def test_zizmor_finds_nothing_in_the_dependabot_config():
    result = run_offline(tool("zizmor"), "--offline", "--no-progress", str(DEPENDABOT.relative_to(ROOT)))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout, result.stdout + result.stderr


def test_zizmor_flags_an_unsafe_workflow(tmp_path: Path):
    """The audit is not vacuous: an unpinned action and template injection are reported."""
    unsafe = tmp_path / ".github" / "workflows" / "unsafe.yml"
    unsafe.parent.mkdir(parents=True)
    unsafe.write_text(
        "on: pull_request_target\n"
        "jobs:\n"
        "  x:\n"
        "    runs-on: ubuntu-24.04\n"
        "    steps:\n"
        "      - uses: actions/checkout@v4\n"
        "      - run: echo \"${{ github.event.pull_request.title }}\"\n",
        encoding="utf-8")
    result = run_offline(tool("zizmor"), "--offline", "--no-progress", str(unsafe))
    assert result.returncode != 0, result.stdout + result.stderr
    for audit in ("unpinned-uses", "template-injection", "dangerous-triggers"):
        assert audit in result.stdout, result.stdout


# --- workflow rules ------------------------------------------------------------------------------

@pytest.mark.parametrize("path", WORKFLOWS, ids=ids(WORKFLOWS))
def test_no_pull_request_target(path: Path):
    assert "pull_request_target" not in triggers(load(path))
    assert "pull_request_target" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", WORKFLOWS, ids=ids(WORKFLOWS))
def test_every_action_is_pinned_to_a_commit_with_its_version(path: Path):
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"\s*(-\s+)?uses:", line)]
    assert lines, f"{path.name} uses no action"
    for line in lines:
        ref = line.split("uses:", 1)[1].split("#", 1)[0].strip()
        assert SHA_PIN.match(ref), f"{path.name}: not pinned to a 40-hex commit SHA: {line.strip()}"
        assert VERSION_COMMENT.search(line), f"{path.name}: no '# vX.Y.Z' comment: {line.strip()}"


def test_each_action_is_pinned_to_one_commit_everywhere():
    seen: dict[str, set[str]] = {}
    for path in WORKFLOWS:
        for _, step in steps(load(path)):
            if "uses" in step:
                action, sha = step["uses"].split("@", 1)
                seen.setdefault(action, set()).add(sha)
    assert {a: s for a, s in seen.items() if len(s) > 1} == {}


@pytest.mark.parametrize("path", WORKFLOWS, ids=ids(WORKFLOWS))
def test_default_permissions_are_read_only_or_empty(path: Path):
    workflow = load(path)
    assert "permissions" in workflow, f"{path.name} sets no default permissions"
    assert workflow["permissions"] in ({}, {"contents": "read"}, "read-all"), workflow["permissions"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=ids(WORKFLOWS))
def test_jobs_write_only_what_they_must(path: Path):
    for job_id, job in load(path)["jobs"].items():
        permissions = job.get("permissions", {})
        assert permissions not in ("write-all",), f"{path.name}/{job_id}"
        written = {scope for scope, level in (permissions or {}).items() if level == "write"}
        allowed = WRITE_ALLOWED.get((path.name, job_id), set())
        assert written <= allowed, f"{path.name}/{job_id} writes {sorted(written - allowed)}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=ids(WORKFLOWS))
def test_checkout_does_not_persist_credentials(path: Path):
    for job_id, step in steps(load(path)):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert (step.get("with") or {}).get("persist-credentials") is False, f"{path.name}/{job_id}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=ids(WORKFLOWS))
def test_no_expression_is_interpolated_into_a_script(path: Path):
    """Values reach scripts through env:, never through ${{ }} inside run: (template injection)."""
    for job_id, step in steps(load(path)):
        assert "${{" not in step.get("run", ""), f"{path.name}/{job_id}: {step.get('name', step['run'])}"


def test_pull_request_workflow_validates_builds_tests_and_uploads_a_preview():
    workflow = load(GITHUB / "workflows" / "pull-request.yml")
    assert set(triggers(workflow)) == {"pull_request"}
    runs = [step.get("run", "") for _, step in steps(workflow)]
    assert any("scripts/validate.py --github --renamed-since HEAD^1" in run for run in runs)
    build = [step for job, step in steps(workflow) if job == "build"]
    # HEAD^1 of the merge commit GitHub checks out is the branch the pull request goes into
    assert any(step.get("with", {}).get("fetch-depth") == 2 for step in build), "a renamed file is found against the base"
    assert any(run.strip() == "make site" for run in runs)
    assert any(run.strip() == "bash .ci/run" for run in runs)
    uploads = [step for _, step in steps(workflow) if step.get("uses", "").startswith("actions/upload-artifact@")]
    # the preview is the offline copy's pages, which open from disk once unzipped (site/ would not)
    assert uploads and uploads[0]["with"]["path"].rstrip("/") == "build/offline"
    assert "build/offline" in (ROOT / "scripts" / "build_offline.py").read_text(), "where make site builds them"
    tests = [step for job, step in steps(workflow) if job == "test"]
    assert any(step.get("with", {}).get("fetch-depth") == 0 for step in tests), "the history dates the sitemap"
    assert any("safe.directory" in step.get("run", "") for step in tests)


def test_ci_installs_what_the_tests_need_then_runs_them():
    """A bare Debian image (the pull-request job's python:3.11-bookworm) has none of these; under
    CI the HTML and accessibility tests fail rather than skip without npm and Java."""
    script = (ROOT / ".ci" / "run").read_text()
    for package in ("chromium", "fonts-thai-tlwg", "nodejs npm", "default-jre-headless"):
        assert f"missing+=({package})" in script, package
    assert "apt-get install" in script and script.rstrip().endswith("make test")


def test_deploy_workflow_publishes_to_pages():
    workflow = load(GITHUB / "workflows" / "deploy.yml")
    on = triggers(workflow)
    assert set(on) == {"push", "workflow_dispatch", "schedule"}
    assert on["push"]["branches"] == ["main"]
    assert workflow["concurrency"]["group"]
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    used = {step.get("uses", "").split("@")[0] for _, step in steps(workflow)}
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= used
    runs = " ".join(step.get("run", "") for _, step in steps(workflow))
    assert "make site" in runs, "make site builds the offline copy and publishes it under site/downloads/"
    makefile = (ROOT / "Makefile").read_text()
    assert "site: offline" in makefile


def test_deploy_stops_when_site_url_is_not_the_pages_address(tmp_path):
    """A placeholder or a wrong site_url would send every feed, calendar and canonical link elsewhere."""
    workflow = load(GITHUB / "workflows" / "deploy.yml")
    read = next(step for _, step in steps(workflow) if step.get("id") == "address")["run"]
    check = next(step for _, step in steps(workflow) if "site_url" in step.get("name", "") and "env" in step)["run"]
    output = tmp_path / "output"
    subprocess.run(["bash", "-c", read], cwd=ROOT, env={"GITHUB_OUTPUT": str(output), "PATH": os.environ["PATH"]}, check=True)
    site_url = mkdocs_config()["site_url"]
    assert output.read_text() == f"site_url={site_url}\n"

    def run(site: str, pages: str) -> subprocess.CompletedProcess:
        return subprocess.run(["bash", "-c", check], env={"SITE_URL": site, "PAGES_URL": pages, "PATH": os.environ["PATH"]},
                              capture_output=True, text=True)

    assert run("https://ngo.github.io/knowledge-hub/", "https://ngo.github.io/knowledge-hub").returncode == 0
    wrong = run(site_url, "https://ngo.github.io/knowledge-hub")
    assert wrong.returncode == 1 and "Set site_url: https://ngo.github.io/knowledge-hub/ in mkdocs.yml" in wrong.stdout
    build = workflow["jobs"]["build"]
    assert "vars.HUB_DEPLOY == 'true'" in build["if"], "a fork that hosts its own copy can deploy"


def test_link_check_is_weekly_and_skips_forks():
    workflow = load(GITHUB / "workflows" / "links.yml")
    assert "schedule" in triggers(workflow)
    for job_id, job in workflow["jobs"].items():
        assert any(guard in str(job.get("if", "")) for guard in FORK_GUARDS), f"links.yml/{job_id} runs in forks"
    runs = " ".join(step.get("run", "") for _, step in steps(workflow))
    assert "lychee" in runs and ".lychee.toml" in runs and "site/" in runs


# --- link-check configuration --------------------------------------------------------------------

def test_every_skipped_host_has_a_reason():
    config = tomllib.loads(LYCHEE.read_text(encoding="utf-8"))
    excluded = config.get("exclude", [])
    assert any("example" in pattern for pattern in excluded), "the sample links at example.org are not skipped"
    lines = LYCHEE.read_text(encoding="utf-8").splitlines()
    for pattern in excluded:
        line = next((line for line in lines if f"'{pattern}'" in line or f'"{pattern}"' in line), None)
        assert line is not None, f"{pattern} is not written on a line of its own"
        reason = line.split("#", 1)[1].strip() if "#" in line.split(pattern, 1)[1] else ""
        assert len(reason.split()) >= 3, f"{pattern} has no reason comment"


def test_link_check_config_checks_only_the_web():
    config = tomllib.loads(LYCHEE.read_text(encoding="utf-8"))
    assert set(config["scheme"]) <= {"http", "https"}


# --- Dependabot and issue forms ------------------------------------------------------------------

def test_dependabot_updates_pip_and_actions_weekly():
    updates = load(DEPENDABOT)["updates"]
    ecosystems = {(u["package-ecosystem"], u["directory"]) for u in updates}
    assert {("pip", "/"), ("npm", "/"), ("github-actions", "/")} <= ecosystems
    assert all(u["schedule"]["interval"] == "weekly" for u in updates)


def _field(form: dict, field_id: str) -> dict:
    return next(item for item in form["body"] if item.get("id") == field_id)


def test_suggest_a_resource_offers_the_hubs_types_and_regions():
    form = load(GITHUB / "ISSUE_TEMPLATE" / "suggest-resource.yml")
    for field_id in ("title", "link", "type", "region", "organisation", "summary", "languages"):
        _field(form, field_id)
    vocabulary = load(ROOT / "schema" / "vocabulary.yml")
    assert _field(form, "type")["attributes"]["options"] == list(vocabulary["types"])
    offered = [option["label"].split()[0] for option in _field(form, "region")["attributes"]["options"]]
    regions = sorted(p.stem for p in (ROOT / "regions").glob("*.md") if "." not in p.stem)
    assert sorted(offered) == regions


def test_request_a_translation_offers_the_hubs_other_languages():
    form = load(GITHUB / "ISSUE_TEMPLATE" / "request-translation.yml")
    _field(form, "resource")
    offered = [option.split()[0] for option in _field(form, "language")["attributes"]["options"]]
    languages = load(ROOT / "locales" / "languages.yml")
    assert offered == languages[1:] == ["es", "id", "vi", "th", "mn"]


def test_report_a_problem_asks_for_the_page_and_the_problem():
    form = load(GITHUB / "ISSUE_TEMPLATE" / "report-problem.yml")
    assert _field(form, "page")["validations"]["required"] is True
    assert _field(form, "problem")["validations"]["required"] is True
