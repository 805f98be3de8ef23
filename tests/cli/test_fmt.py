"""`trygghet fmt`: one canonical layout, comments kept, --check for CI."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.editing_support import BOM, write_crlf_bom

UNTIDY = """\
# Aktiviteter (ordningen är fel med flit).
pledge_set: ml-2024-2025
id: al-2024-2025
activities:
  - title: Trygghetsvandringar   # titeln först
    id: a-1
    pledges: [ml-1]
    parties: [kommun, polis]
    owners: [trygghetssamordnare]
    start: "2024-02-01"
    due: 2024-11-30
    status: done
    completed: '2024'
    targets:
    - id: t1
      kind: qualitative
      text: vandringar
  - id: a-2
    title: Hastighetskontroller
    pledges: [ml-2]
    parties: [polis]
"""

TIDY = """\
# Aktiviteter (ordningen är fel med flit).
id: al-2024-2025
pledge_set: ml-2024-2025
activities:
  - id: a-1
    title: Trygghetsvandringar   # titeln först
    pledges: [ml-1]
    owners: [trygghetssamordnare]
    parties: [kommun, polis]
    start: 2024-02-01
    due: 2024-11-30
    status: done
    completed: "2024"
    targets:
      - id: t1
        kind: qualitative
        text: vandringar
  - id: a-2
    title: Hastighetskontroller
    pledges: [ml-2]
    parties: [polis]
"""


@pytest.fixture
def untidy(minimal_root: Path) -> Path:
    """The minimal root's activity list, written untidily."""
    target = minimal_root / "activities" / "2024-2025.yaml"
    target.write_text(UNTIDY, encoding="utf-8")
    return target


def test_check_passes_on_formatted_data(run, minimal_root: Path) -> None:
    result = run("--data", str(minimal_root), "fmt", "--check")
    assert result.exit_code == 0, result.output


def test_check_lists_files_that_would_change_and_writes_nothing(run, minimal_root: Path,
                                                                untidy: Path) -> None:
    result = run("--data", str(minimal_root), "fmt", "--check")
    assert result.exit_code == 1
    assert "2024-2025.yaml" in result.stdout
    assert untidy.read_text(encoding="utf-8") == UNTIDY


def test_fmt_sorts_keys_by_schema_indents_lists_and_canonicalises_quotes(run, minimal_root: Path,
                                                                         untidy: Path) -> None:
    result = run("--data", str(minimal_root), "fmt", str(untidy))
    assert result.exit_code == 0, result.output
    assert untidy.read_text(encoding="utf-8") == TIDY
    again = run("--data", str(minimal_root), "fmt", "--check")
    assert again.exit_code == 0


def test_fmt_keeps_the_bom_crlf_and_comments(run, minimal_root: Path, tmp_path: Path) -> None:
    source = tmp_path / "untidy.yaml"
    source.write_text(UNTIDY, encoding="utf-8")
    target = minimal_root / "activities" / "2024-2025.yaml"
    write_crlf_bom(target, source)
    result = run("--data", str(minimal_root), "fmt")
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == BOM + TIDY.replace("\n", "\r\n").encode("utf-8")


def test_dry_run_prints_a_diff(run, minimal_root: Path, untidy: Path) -> None:
    result = run("--data", str(minimal_root), "fmt", "--dry-run")
    assert result.exit_code == 0
    assert '+    completed: "2024"' in result.stdout
    assert untidy.read_text(encoding="utf-8") == UNTIDY


def test_file_that_does_not_load_is_reported_and_left_alone(run, minimal_root: Path) -> None:
    target = minimal_root / "activities" / "2024-2025.yaml"
    target.write_text("id: [unclosed\n", encoding="utf-8")
    result = run("--data", str(minimal_root), "fmt")
    assert result.exit_code == 1
    assert "fix it before formatting" in result.stderr
    assert target.read_text(encoding="utf-8") == "id: [unclosed\n"


def test_bundled_data_is_in_the_canonical_layout(run, bundled_copy: Path) -> None:
    result = run("--data", str(bundled_copy), "fmt", "--check")
    assert result.exit_code == 0, result.output


def test_comments_around_document_markers_are_kept(run, minimal_root: Path, untidy: Path) -> None:
    untidy.write_text("# före\n---\n" + UNTIDY + "...\n# efter\n", encoding="utf-8")
    result = run("--data", str(minimal_root), "fmt")
    assert result.exit_code == 0, result.output
    assert untidy.read_text(encoding="utf-8") == "# före\n---\n" + TIDY + "...\n# efter\n"


def test_a_format_that_would_lose_a_comment_leaves_the_file_as_it_is(
        run, minimal_root: Path, untidy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from trygghet_cli.editing import fmt

    real = fmt.format_text
    monkeypatch.setattr(fmt, "format_text",
                        lambda doc, kind: real(doc, kind).replace("   # titeln först", ""))
    result = run("--data", str(minimal_root), "fmt")
    assert result.exit_code == 0
    assert "lämnas som den är: formateringen skulle tappa kommentaren '# titeln först'" in \
        result.stderr
    assert untidy.read_text(encoding="utf-8") == UNTIDY


def test_a_comment_inside_a_flow_list_over_several_lines_is_kept_and_the_file_accepted(
        run, minimal_root: Path) -> None:
    target = minimal_root / "activities" / "2024-2025.yaml"
    text = target.read_text(encoding="utf-8").replace(
        "    parties: [kommun, polis]\n",
        "    parties: [\n      kommun,  # ansvarig\n      polis,\n    ]\n", 1)
    target.write_text(text, encoding="utf-8")
    assert run("--data", str(minimal_root), "validate").exit_code == 0
    check = run("--data", str(minimal_root), "fmt", "--check")
    assert check.exit_code == 0, check.output
    done = run("--data", str(minimal_root), "fmt")
    assert done.exit_code == 0, done.output
    assert "# ansvarig" in target.read_text(encoding="utf-8")
    assert run("--data", str(minimal_root), "validate").exit_code == 0
