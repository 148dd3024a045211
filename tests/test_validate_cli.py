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


def _git(repo, *args):
    env = dict(os.environ, GIT_AUTHOR_NAME="Sample", GIT_AUTHOR_EMAIL="sample@example.org",
               GIT_COMMITTER_NAME="Sample", GIT_COMMITTER_EMAIL="sample@example.org")
    subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True)


def test_a_file_renamed_in_a_pull_request_must_keep_its_old_name(repo):
    """The pull request's check compares with the branch it goes into (--renamed-since): a resource
    renamed without `former_names` would break every link to its old address, so it is refused, on
    the renamed file, until the old name is listed; a translation renamed with it is not told twice."""
    write(repo / "content/resources/sample-report.es.md", "---\ntitle: Informe de muestra\n"
          "summary: Un resumen de muestra bastante largo.\n---\nTexto.\n")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "Before")
    _git(repo, "mv", "content/resources/sample-report.md", "content/resources/coal-sample-report.md")
    _git(repo, "mv", "content/resources/sample-report.es.md", "content/resources/coal-sample-report.es.md")
    _git(repo, "commit", "-q", "-m", "Rename")
    result = run(repo, "--renamed-since", "HEAD^1")
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        "content/resources/coal-sample-report.md:2: former_names: this resource's file was "
        "content/resources/sample-report.md in HEAD^1, and links elsewhere (newsletters, citations, search engines) lead "
        "to its old address, resources/sample-report/; add the line 'former_names: [sample-report]' to its front "
        "matter, so that they still lead here",
        "1 problem found in the repository.",
    ]
    assert run(repo).returncode == 0, "without --renamed-since the content itself is valid"
    path = repo / "content/resources/coal-sample-report.md"
    path.write_text(path.read_text().replace("\n---\nBody", "\nformer_names: [sample-report]\n---\nBody", 1))
    result = run(repo, "--renamed-since", "HEAD^1")
    assert result.returncode == 0, result.stdout


def test_renamed_since_a_commit_git_does_not_know_is_a_usage_error(repo):
    result = run(repo, "--renamed-since", "main")
    assert result.returncode == 2
    assert "--renamed-since: git cannot compare the content with 'main'" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_rename_made_on_the_main_branch_meanwhile_is_not_the_branchs(repo):
    """Compared with a main branch that moved on after the contributor's branch left it, a file
    renamed on main is not reported as the contributor's rename."""
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "Before")
    _git(repo, "checkout", "-q", "-b", "contribution")
    write(repo / "content/resources/new-brief.md", resource(title="A new brief"))
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "Add a brief")
    _git(repo, "checkout", "-q", "main")
    _git(repo, "mv", "content/resources/sample-report.md", "content/resources/coal-sample-report.md")
    path = repo / "content/resources/coal-sample-report.md"
    path.write_text(path.read_text().replace("\n---\nBody", "\nformer_names: [sample-report]\n---\nBody", 1))
    _git(repo, "commit", "-q", "-am", "Rename on main")
    _git(repo, "checkout", "-q", "contribution")
    result = run(repo, "--renamed-since", "main")
    assert result.returncode == 0, result.stdout + result.stderr


def _rewritten(text: str, title: str) -> str:
    """The same resource with a new title, summary and text: only its classification stays."""
    front, _, _ = text.partition("\n---\n")
    lines = [line for line in front.splitlines() if not line.startswith(("title:", "summary:", "former_names:"))]
    paragraph = ("A new paragraph, written from its first word to its last, about what changed in the town since the "
                 "first version: who met, what was decided, and which plans went ahead or were put off.\n\n")
    return ("\n".join(lines) + f"\ntitle: {title}\nsummary: A new summary written from the start for the renamed "
            "resource.\n---\n" + "".join(f"## Part {n}\n\n{paragraph}" for n in range(1, 8)))


def test_a_renamed_file_whose_text_was_rewritten_is_still_a_rename(repo):
    """Renamed and rewritten (title, summary and text), a resource is still seen as renamed, by what
    stays (its type, regions, topics, organisations and date); two different resources are not."""
    case_study = (ROOT / "content/resources/coronel-path-after-coal-power.md").read_text(encoding="utf-8")
    write(repo / "content/resources/coronel-case-study.md", case_study.replace("former_names: [coronel-after-coal-case-study]\n", ""))
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "Before")
    _git(repo, "rm", "-q", "content/resources/coronel-case-study.md")
    write(repo / "content/resources/coronel-municipality-after-coal-power.md",
          _rewritten(case_study, "What a Chilean municipality did when its coal plants closed"))
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "Rename and rewrite")
    result = run(repo, "--renamed-since", "HEAD^1")
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.startswith("content/resources/coronel-municipality-after-coal-power.md:")
    assert "add the line 'former_names: [coronel-case-study]'" in result.stdout

    _git(repo, "reset", "-q", "--hard", "HEAD^1")
    _git(repo, "rm", "-q", "content/resources/coronel-case-study.md")
    other = (ROOT / "content/resources/informal-workers-coal-transition-quang-ninh.md").read_text(encoding="utf-8")
    write(repo / "content/resources/informal-workers-quang-ninh.md", other)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "Withdraw one resource, add another")
    result = run(repo, "--renamed-since", "HEAD^1")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "former_names" not in result.stdout.split("note:")[0], "no problem, only the note on the one removed"
    assert result.stdout.startswith("content/resources/coronel-case-study.md: note: this resource is removed")


def test_a_removed_resource_is_a_note_for_the_reviewers_not_a_problem(repo, tmp_path):
    """A resource removed leaves its address with no page: the pull request's check says so, on the
    file and in its summary, without failing (a withdrawn resource is removed on purpose). A
    translation removed alone, or a name another resource keeps, is not noted."""
    spanish = "---\ntitle: Informe de muestra\nsummary: Un resumen de muestra bastante largo.\n---\nTexto.\n"
    write(repo / "content/resources/sample-report.es.md", spanish)
    write(repo / "content/resources/coal-brief.md", resource(title="Coal brief"))
    write(repo / "content/resources/coal-brief.es.md", spanish.replace("Informe", "Nota"))
    write(repo / "content/resources/solar-brief.md", resource(title="Solar brief"))
    write(repo / "content/resources/wind-brief.md", resource(title="Wind brief"))
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "Before")
    _git(repo, "rm", "-q", "content/resources/sample-report.md", "content/resources/sample-report.es.md",
         "content/resources/coal-brief.es.md", "content/resources/solar-brief.md", "content/resources/wind-brief.md")
    write(repo / "content/resources/coal-brief.md", resource(title="Coal and solar brief",
                                                             extra="former_names: [solar-brief]\n"))
    _git(repo, "commit", "-q", "-am", "Withdraw two and a translation, merge one into another")
    summary = tmp_path / "summary.md"
    result = run(repo, "--renamed-since", "HEAD^1", "--github",
                 env={**{k: v for k, v in os.environ.items() if k != "MAKELEVEL"}, "GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 0, result.stdout + result.stderr
    notes = [line for line in result.stdout.splitlines() if ": note: " in line]
    assert [line.split(":")[0] for line in notes] == ["content/resources/sample-report.md",
                                                       "content/resources/wind-brief.md"], notes
    assert ("content/resources/sample-report.md: note: this resource is removed (it was in HEAD^1), and links elsewhere "
            "(newsletters, citations, search engines) to resources/sample-report/ will find no page. If another file now "
            "holds it, add 'sample-report' to that file's former_names; if it is withdrawn on purpose, nothing needs "
            "doing") in notes
    warnings = [line for line in result.stdout.splitlines() if line.startswith("::warning ")]
    assert len(warnings) == 2 and warnings[0].startswith(
        "::warning file=content/resources/sample-report.md,title=Content check::-: this resource is removed"), warnings
    assert result.stdout.splitlines()[-1] == "No problems found in the repository."
    text = summary.read_text()
    assert "No problems found." in text and "#### For the reviewers" in text
    assert "| `content/resources/sample-report.md` | this resource is removed (it was in HEAD^1)" in text
