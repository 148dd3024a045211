"""Material's stylesheet without the components the hub never shows (hubsite/stylesheet.py)."""

from __future__ import annotations

from conftest import MATERIAL_CSS
from hubsite.stylesheet import CUSTOM_PROPERTY, _rules, _unread_properties_out, trim


def test_material_s_stylesheet_is_read_and_written_back_unchanged():
    css = MATERIAL_CSS.read_text(encoding="utf-8")
    assert _rules(css, lambda selector: True) == css
    assert _unread_properties_out(css, set(CUSTOM_PROPERTY.findall(css))) == css


def test_a_selector_of_an_unused_component_goes_and_the_rest_of_its_rule_stays():
    css = ".md-nav,.md-search__input{color:red}.md-search-result{x:1}.md-searching{y:2}.md-search__x .a{z:3}"
    assert trim(css, ["md-search"]) == ".md-nav{color:red}.md-searching{y:2}"


def test_an_at_rule_left_empty_goes_and_one_with_rules_keeps_them():
    css = "@media (min-width:1em){.md-tabs{a:1}}@media print{.md-tabs{a:1}.md-nav{b:2}}@keyframes k{0%{c:3}}"
    assert trim(css, ["md-tabs"]) == "@media print{.md-nav{b:2}}@keyframes k{0%{c:3}}"


def test_custom_properties_go_only_when_nothing_reads_them():
    css = (":root{--used:1;--chained:var(--deep);--deep:2;--icon:url(\"data:x;y,<svg a='{'/>\");--hub:3}"
           ".md-version{background:var(--icon)}.md-nav{color:var(--used);width:var(--chained)}")
    assert trim(css, ["md-version"], readers=".hub-x{margin:var(--hub)}") == \
        ":root{--used:1;--chained:var(--deep);--deep:2;--hub:3}.md-nav{color:var(--used);width:var(--chained)}"
    assert trim(":root{--a:1}.x{y:2}", []) == ".x{y:2}", "a rule left with nothing goes"


def test_strings_comments_and_brackets_do_not_split_a_selector():
    css = '.md-nav:is(.a,.md-tabs)[title="x,{y}"],.b{content:"}"}/* a { */.c{d:1}'
    assert trim(css, ["md-tabs"]) == '.b{content:"}"}/* a { */.c{d:1}'
    assert trim(css, ["md-top"]) == css
