"""What each finding code means: one page per code in docs/codes/, read, checked and printed.

A page holds a Swedish and an English section (what the code means, how to fix it) and
two examples: a data file that gives the code and one that does not. `trygghet explain`
prints a page; tests/unit/test_code_pages.py runs every example through `validate`.

    page = read_page("TRY205")
    print(render(page, "sv"))
"""

from trygghet_cli.explain.pages import Example, Page, page_codes, read_page, render, render_list

__all__ = ["Example", "Page", "page_codes", "read_page", "render", "render_list"]
