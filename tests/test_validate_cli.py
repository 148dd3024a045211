"""scripts/validate.py as a contributor runs it: messages, counts and exit codes."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT, resource, write

SCRIPT = str(ROOT / "scripts" / "validate.py")


def run(root, *args, env=None):
    if env is None:  # as typed in a terminal, also when the tests themselves run under make
        env = {k: v for k, v in os.environ.items() if k != "MAKELEVEL"}
    return subprocess.run([sys.executable, SCRIPT, "--root", str(root), *args], capture_output=True, text=True, cwd=root,
                          env=env)


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
        "(make fix repairs this)",
        "2 problems found in the repository.",
    ]
    assert "Traceback" not in result.stderr


def test_under_make_the_last_line_explains_makes_error_line(repo):
    write(repo / "content/resources/bad.md", resource(title="Bad one", region="[viet-nam]"))
    result = run(repo, env=dict(os.environ, MAKELEVEL="1"))
    assert result.returncode == 1
    assert result.stdout.splitlines()[-2:] == [
        "1 problem found in the repository.",
        "Fix it and run the check again. make's own line below, ending in 'Error 1', only repeats that the check found problems."]


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
            "region: 'viet-nam' is not a region; did you mean 'vietnam'? (make fix repairs this)"
            ) in result.stdout.splitlines()


def test_github_shows_every_problem_in_the_summary_and_says_when_annotations_run_out(repo, tmp_path):
    for number in range(12):
        write(repo / f"content/resources/bad-{number:02d}.md", resource(title=f"Bad {number}", region="[viet-nam]"))
    summary = tmp_path / "summary.md"
    result = run(repo, "--github", env={**os.environ, "GITHUB_STEP_SUMMARY": str(summary)})
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error")]
    assert len(annotations) == 10, "GitHub drops error annotations after ten in a step"
    assert annotations[-1] == ("::error title=Content check::3 more problems are listed in this check's summary "
                               "and in its log")
    rows = [line for line in summary.read_text().splitlines() if line.startswith("| `content/")]
    assert len(rows) == 12 and rows[0] == ("| `content/resources/bad-00.md` | 4 | `region` | 'viet-nam' is not a region; "
                                           "did you mean 'vietnam'? (make fix repairs this) |")


def test_a_file_name_with_a_comma_does_not_break_the_annotation(repo):
    write(repo / "content/resources/solar, lampang.md", resource(title="Comma"))
    result = run(repo, "--github")
    assert any(line.startswith("::error file=content/resources/solar%2C lampang.md,title=Content check::-: unsafe file name")
               for line in result.stdout.splitlines()), result.stdout


def test_usage_errors_exit_two(repo):
    assert run(repo, "--no-such-flag").returncode == 2
    missing = run(repo, "content/resources/missing.md")
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_validator_checks_the_real_repository():
    result = subprocess.run([sys.executable, SCRIPT], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout


def test_the_summary_shows_tags_named_in_a_message_as_text():
    """GitHub renders the job summary as Markdown with HTML: '<script>' would vanish from the sentence."""
    from catalogue.problems import Problem, github_summary

    summary = github_summary([Problem("content/resources/x.md", 12, "body", "raw <script> is not allowed | ever"),
                              Problem("content/files/big.png", 0, "-", "the image is 720 KB")])
    assert "| `content/resources/x.md` | 12 | `body` | raw &lt;script&gt; is not allowed \\| ever |" in summary
    assert "| `content/files/big.png` | whole file | `-` | the image is 720 KB |" in summary
