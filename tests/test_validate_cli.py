"""scripts/validate.py as a contributor runs it: messages, counts and exit codes."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, resource, write

SCRIPT = str(ROOT / "scripts" / "validate.py")


def run(root, *args):
    return subprocess.run([sys.executable, SCRIPT, "--root", str(root), *args], capture_output=True, text=True, cwd=root)


def test_valid_repository_exits_zero(repo):
    result = run(repo)
    assert result.returncode == 0
    assert result.stdout.strip() == "No problems found in the repository."


def test_problems_are_listed_then_counted_and_exit_one(repo):
    write(repo / "content/resources/bad.md", resource(title="Bad one", region="[viet-nam]", type="blog"))
    result = run(repo)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "content/resources/bad.md:3: type: 'blog' is not a type; use one of report, research, tool, guide, case-study, "
        "policy-brief, op-ed, commentary, news, event (defined in schema/vocabulary.yml)",
        "content/resources/bad.md:4: region: 'viet-nam' is not a region; did you mean 'vietnam'? "
        "(python scripts/validate.py --fix repairs this)",
        "2 problems found in the repository.",
    ]
    assert "Traceback" not in result.stderr


def test_paths_limit_the_report_to_those_files(repo):
    write(repo / "content/resources/bad.md", resource(title="Bad one", region="[viet-nam]"))
    result = run(repo, str(repo / "content/resources/sample-report.md"))
    assert result.returncode == 0 and "No problems found in 1 file." in result.stdout
    result = run(repo, str(repo / "content/resources/bad.md"))
    assert result.returncode == 1 and "1 problem found in 1 file." in result.stdout


def test_github_annotations_point_at_the_line(repo):
    write(repo / "content/resources/bad.md", resource(title="Bad one", region="[viet-nam]"))
    result = run(repo, "--github")
    assert ("::error file=content/resources/bad.md,line=4,title=Content check::"
            "region: 'viet-nam' is not a region; did you mean 'vietnam'? (python scripts/validate.py --fix repairs this)"
            ) in result.stdout.splitlines()


def test_usage_errors_exit_two(repo):
    assert run(repo, "--no-such-flag").returncode == 2
    missing = run(repo, "content/resources/missing.md")
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_validator_checks_the_real_repository():
    result = subprocess.run([sys.executable, SCRIPT], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout
